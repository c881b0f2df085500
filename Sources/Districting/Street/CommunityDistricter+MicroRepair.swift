import GridModel
import PlanningSupport

/// Micro-grids that the partition search misses: packing on single floors, and trading boundary buildings between
/// neighbouring grids when a grid's atoms cannot be packed at all.
extension CommunityDistricter {
    /// A grid's finest atoms: see ``fineAtoms(nodes:residential:graph:splitUnits:)``.
    typealias FineAtoms = (
        atoms: [DistrictingAtom], buildingOf: [Int], chains: [[Int]], positions: [PlanarPoint],
        edges: [IndexPair], oversized: Bool
    )

    /// The atoms of a grid with units above the micro maximum cut into single floors (chained in floor order), the
    /// local building of each atom, and the buildings' neighbour pairs inside the grid.
    func fineAtoms(nodes: [Int], residential: [Int], graph: DistrictingGraph, splitUnits: Bool) -> FineAtoms {
        var atoms: [DistrictingAtom] = []
        var buildingOf: [Int] = []
        var chains: [[Int]] = []
        var positions: [PlanarPoint] = []
        var oversized = false
        var local: [Int: Int] = [:]
        for (index, node) in nodes.enumerated() {
            local[node] = index
            let building = context.buildings[residential[node]]
            var maker = AtomMaker(microMaximum: parameters.microBounds.max)
            maker.singleFloors = true
            maker.splitKnownUnits = splitUnits
            let made = maker.atoms(of: building, index: residential[node], units: context.units[building.id] ?? [])
            if made.oversized != nil { oversized = true }
            var units: [String] = []
            for atom in made.atoms {
                let unit = atom.unit ?? ""
                if units.last != unit { units.append(unit) }
                var position = atom.position
                // Units of one building sit side by side, a metre apart, for reading-order micro-grid codes.
                position.x += Double(units.count - 1)
                if atom.floors != nil {
                    if let previous = atoms.last, previous.building == atom.building, previous.unit == atom.unit,
                        previous.floors != nil, chains.last?.last == atoms.count - 1
                    {
                        chains[chains.count - 1].append(atoms.count)
                    } else {
                        chains.append([atoms.count])
                    }
                }
                atoms.append(atom)
                buildingOf.append(index)
                positions.append(position)
            }
        }
        var edges: [IndexPair] = []
        for (index, node) in nodes.enumerated() {
            for other in graph.neighbours[node] where other > node {
                if let j = local[other] { edges.append(IndexPair(index, j)) }
            }
        }
        return (atoms, buildingOf, chains, positions, edges, oversized)
    }

    /// Micro-grids packed on single floors (bands cut where the bounds need them): whole buildings first, then
    /// buildings cut into their known units; nil when the packer finds no valid packing.
    func packedMicroPlan(nodes: [Int], residential: [Int], graph: DistrictingGraph, fewest: Int,
                         trees: Int = SearchLimits.packerTrees) -> MicroPlan? {
        let nodes = nodes.filter { parameters.microGridsCover(context.buildings[residential[$0]].compoundType) }
        guard !nodes.isEmpty else {
            return MicroPlan(atoms: [], labels: [], positions: [], violation: 0, oversized: [], fewest: 0)
        }
        var best: MicroPlan?
        var previous = -1
        for splitUnits in [false, true] {
            let fine = fineAtoms(nodes: nodes, residential: residential, graph: graph, splitUnits: splitUnits)
            guard !fine.oversized else { return nil }
            guard fine.atoms.count != previous else { break }
            previous = fine.atoms.count
            var packer = MicroGridPacker(bounds: parameters.microBounds,
                                         seed: SplitMix64.mix(seed, UInt64(residential[nodes.first ?? 0])))
            packer.trees = trees
            let buildingPositions = nodes.map { context.buildings[residential[$0]].position }
            guard let found = packer.pack(weights: fine.atoms.map(\.households), buildingOf: fine.buildingOf,
                                          chains: fine.chains, buildingPositions: buildingPositions,
                                          buildingEdges: fine.edges)
            else { continue }
            if best == nil || found.count < (best?.count ?? 0) {
                best = MicroPlan(atoms: fine.atoms, labels: found.labels, positions: fine.positions, violation: 0,
                                 oversized: [], fewest: fewest)
            }
            if found.count <= fewest { break }
        }
        return best
    }

    /// The micro-grids of every grid (by label). A grid whose micro-grids miss their bounds although no single floor
    /// is too large trades one boundary building with a neighbouring grid (pushing one of its own out, or pulling
    /// one in), when both grids stay within the grid bounds and connected and the packer can pack both; at most
    /// three rounds.
    func repairMicroGrids(gridOf: inout [Int], residential: [Int], graph: DistrictingGraph,
                          outcome: inout CommunityOutcome) -> [MicroPlan] {
        let count = (gridOf.max() ?? -1) + 1
        func members(_ label: Int, _ labels: [Int]) -> [Int] { (0..<graph.nodeCount).filter { labels[$0] == label } }
        var plans = (0..<count).map { microPlan(nodes: members($0, gridOf), residential: residential, graph: graph) }
        for _ in 0..<SearchLimits.repairRounds where !context.deadlinePassed {
            var changed = false
            for label in 0..<count where plans[label].violation > 0 && plans[label].oversized.isEmpty {
                var touched: [Int]
                if let move = tradeForPacking(grid: label, gridOf: gridOf, residential: residential, graph: graph) {
                    gridOf[move.node] = move.to
                    touched = [move.from, move.to]
                } else if let redrawn = recombineForPacking(grid: label, gridOf: gridOf, residential: residential,
                                                            graph: graph) {
                    touched = Array(Set(redrawn.values)).sorted()
                    for (node, grid) in redrawn { gridOf[node] = grid }
                } else {
                    continue
                }
                for grid in touched {
                    plans[grid] = microPlan(nodes: members(grid, gridOf), residential: residential, graph: graph)
                }
                changed = true
            }
            if !changed { break }
        }
        let failing = (0..<count).filter { plans[$0].violation > 0 && plans[$0].oversized.isEmpty }
        if !failing.isEmpty, var walked = recombinationWalk(gridOf: gridOf, failing: failing, residential: residential,
                                                            graph: graph) {
            walked = pullBack(walked, toward: gridOf, residential: residential, graph: graph)
            for grid in 0..<count where members(grid, walked) != members(grid, gridOf) {
                plans[grid] = microPlan(nodes: members(grid, walked), residential: residential, graph: graph)
            }
            gridOf = walked
        }
        tradeForFewerMicroGrids(gridOf: &gridOf, plans: &plans, residential: residential, graph: graph)
        return plans
    }

    /// A seeded ReCom walk over the community's grids until every grid packs: a pair of neighbouring grids (one
    /// that cannot be packed, half of the time) is redrawn along a random spanning tree of its union, every step
    /// kept (a walk that only kept steps no worse stalls when every grid is nearly full: the slack has to travel
    /// through grids that pack). Labels when every grid packs within 3,000 steps, else nil.
    private func recombinationWalk(gridOf start: [Int], failing: [Int], residential: [Int],
                                   graph: DistrictingGraph) -> [Int]? {
        let bounds = parameters.gridBounds
        var labels = start
        let count = (labels.max() ?? -1) + 1
        var packable: [[Int]: Bool] = [:]
        func packs(_ nodes: [Int]) -> Bool {
            packsMicroGrids(nodes, residential: residential, graph: graph, known: &packable)
        }
        var bad = Set(failing)
        var random = SplitMix64(seed: SplitMix64.mix(seed, 0x5245_434F_4D00 &+ UInt64(graph.nodeCount)))
        for _ in 0..<SearchLimits.repairWalkSteps where !bad.isEmpty && !context.deadlinePassed {
            let sortedBad = bad.sorted()
            let grid = random.below(2) == 0 ? sortedBad[random.below(sortedBad.count)] : random.below(count)
            var others = Set<Int>()
            for node in 0..<graph.nodeCount where labels[node] == grid {
                for next in graph.neighbours[node] where labels[next] != grid { others.insert(labels[next]) }
            }
            guard !others.isEmpty else { continue }
            let sortedOthers = others.sorted()
            let other = sortedOthers[random.below(sortedOthers.count)]
            let union = (0..<graph.nodeCount).filter { labels[$0] == grid || labels[$0] == other }
            let total = union.reduce(0) { $0 + graph.weights[$1] }
            guard bounds.admits(total, parts: 2) else { continue }
            var local: [Int: Int] = [:]
            for (index, node) in union.enumerated() { local[node] = index }
            var keyed: [(Double, IndexPair)] = []
            for (index, node) in union.enumerated() {
                for next in graph.neighbours[node] {
                    guard let j = local[next], j > index else { continue }
                    // Uniform keys: distance-weighted trees repeat the same few cuts and the walk stalls.
                    keyed.append((Double(random.below(1 << 30)), IndexPair(index, j)))
                }
            }
            keyed.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            let (parent, order) = Self.spanningTree(nodeCount: union.count, sortedEdges: keyed)
            guard order.count == union.count else { continue }
            var below = union.map { graph.weights[$0] }
            for node in order.reversed() where parent[node] >= 0 { below[parent[node]] += below[node] }
            let cuts = order.dropFirst().filter { bounds.contains(below[$0]) && bounds.contains(total - below[$0]) }
            guard !cuts.isEmpty else { continue }
            let cut = cuts[random.below(cuts.count)]
            var inside = Array(repeating: false, count: union.count)
            for node in order where node == cut || (parent[node] >= 0 && inside[parent[node]]) { inside[node] = true }
            let sideA = union.indices.filter { inside[$0] }.map { union[$0] }
            let sideB = union.indices.filter { !inside[$0] }.map { union[$0] }
            let packA = packs(sideA), packB = packs(sideB)
            // The side holding more of `grid`'s households keeps its label.
            let keepA = sideA.reduce(0) { $0 + (labels[$1] == grid ? graph.weights[$1] + 1 : 0) }
                >= sideB.reduce(0) { $0 + (labels[$1] == grid ? graph.weights[$1] + 1 : 0) }
            for node in sideA { labels[node] = keepA ? grid : other }
            for node in sideB { labels[node] = keepA ? other : grid }
            bad.remove(grid)
            bad.remove(other)
            if !packA { bad.insert(keepA ? grid : other) }
            if !packB { bad.insert(keepA ? other : grid) }
        }
        return bad.isEmpty ? labels : nil
    }

    /// A boundary building to move between `grid` and a neighbouring grid so that both can be packed into valid
    /// micro-grids; nil when none is found. Smaller buildings are tried first (they disturb least).
    private func tradeForPacking(grid: Int, gridOf: [Int], residential: [Int], graph: DistrictingGraph) -> (
        node: Int, from: Int, to: Int
    )? {
        var weight: [Int: Int] = [:]
        for node in 0..<graph.nodeCount { weight[gridOf[node], default: 0] += graph.weights[node] }
        var candidates = Set<[Int]>()
        for node in 0..<graph.nodeCount where gridOf[node] == grid {
            for other in graph.neighbours[node] where gridOf[other] != grid {
                candidates.insert([node, grid, gridOf[other]])
                candidates.insert([other, gridOf[other], grid])
            }
        }
        let bounds = parameters.gridBounds
        let ordered = candidates.sorted {
            (graph.weights[$0[0]], $0[0], $0[1], $0[2]) < (graph.weights[$1[0]], $1[0], $1[1], $1[2])
        }
        var packable: [[Int]: Bool] = [:]
        func packs(_ nodes: [Int]) -> Bool {
            packsMicroGrids(nodes, residential: residential, graph: graph, known: &packable)
        }
        for candidate in ordered {
            let node = candidate[0], from = candidate[1], to = candidate[2]
            let w = graph.weights[node]
            guard let source = weight[from], let target = weight[to], bounds.contains(source),
                bounds.contains(target), source - w >= bounds.min, target + w <= bounds.max
            else { continue }
            let left = (0..<graph.nodeCount).filter { gridOf[$0] == from && $0 != node }
            guard !left.isEmpty, Self.connected(left, graph: graph) else { continue }
            let joined = ((0..<graph.nodeCount).filter { gridOf[$0] == to } + [node]).sorted()
            guard packs(from == grid ? left : joined), packs(from == grid ? joined : left) else { continue }
            return (node, from, to)
        }
        return nil
    }

    /// Buildings the walk moved are moved back to their first grid where that keeps both grids within the bounds,
    /// connected and packable (two passes): the walk's end is random, and households keeping their grid matter.
    private func pullBack(_ walked: [Int], toward start: [Int], residential: [Int], graph: DistrictingGraph)
        -> [Int]
    {
        let bounds = parameters.gridBounds
        var labels = walked
        var weight: [Int: Int] = [:]
        for node in 0..<graph.nodeCount { weight[labels[node], default: 0] += graph.weights[node] }
        var packable: [[Int]: Bool] = [:]
        func packs(_ nodes: [Int]) -> Bool {
            packsMicroGrids(nodes, residential: residential, graph: graph, known: &packable)
        }
        for _ in 0..<SearchLimits.pullBackPasses {
            var moved = false
            for node in 0..<graph.nodeCount where labels[node] != start[node] {
                let from = labels[node], to = start[node], w = graph.weights[node]
                guard graph.neighbours[node].contains(where: { labels[$0] == to }),
                    (weight[from] ?? 0) - w >= bounds.min, (weight[to] ?? 0) + w <= bounds.max
                else { continue }
                let left = (0..<graph.nodeCount).filter { labels[$0] == from && $0 != node }
                guard !left.isEmpty, Self.connected(left, graph: graph) else { continue }
                let joined = (0..<graph.nodeCount).filter { labels[$0] == to || $0 == node }
                guard packs(left), packs(joined) else { continue }
                labels[node] = to
                weight[from, default: 0] -= w
                weight[to, default: 0] += w
                moved = true
            }
            if !moved { break }
        }
        return labels
    }

    /// Two neighbouring grids redrawn as one (a ReCom step): the union of `grid` and a neighbour is cut along
    /// seeded spanning trees into two connected grids within the grid bounds until the packer can pack both; the
    /// new grid label of each node of the union, or nil when no neighbour and no tree gives such a cut.
    private func recombineForPacking(grid: Int, gridOf: [Int], residential: [Int], graph: DistrictingGraph)
        -> [Int: Int]?
    {
        let bounds = parameters.gridBounds
        var others = Set<Int>()
        for node in 0..<graph.nodeCount where gridOf[node] == grid {
            for other in graph.neighbours[node] where gridOf[other] != grid { others.insert(gridOf[other]) }
        }
        var packable: [[Int]: Bool] = [:]
        func packs(_ nodes: [Int]) -> Bool {
            packsMicroGrids(nodes, residential: residential, graph: graph, known: &packable)
        }
        let positions = graph.positions ?? Array(repeating: PlanarPoint(x: 0, y: 0), count: graph.nodeCount)
        for other in others.sorted() {
            let union = (0..<graph.nodeCount).filter { gridOf[$0] == grid || gridOf[$0] == other }
            let total = union.reduce(0) { $0 + graph.weights[$1] }
            guard bounds.admits(total, parts: 2) else { continue }
            var local: [Int: Int] = [:]
            for (index, node) in union.enumerated() { local[node] = index }
            var edges: [IndexPair] = []
            for (index, node) in union.enumerated() {
                for next in graph.neighbours[node] {
                    if let j = local[next], j > index { edges.append(IndexPair(index, j)) }
                }
            }
            if union.count <= SearchLimits.exactUnionLimit {
                if let labels = exactBipartition(union: union, grid: grid, other: other, gridOf: gridOf,
                                                 graph: graph, packs: packs) {
                    return labels
                }
                continue
            }
            var random = SplitMix64(seed: SplitMix64.mix(seed, UInt64(union[0]) &* 7_919 &+ UInt64(union.count)))
            for _ in 0..<SearchLimits.unionTrees {
                let keyed = edges.map { edge -> (Double, IndexPair) in
                    let length = positions[union[edge.first]].distance(to: positions[union[edge.second]])
                    return ((length + 1) * (0.5 + Double(random.below(1 << 20)) / Double(1 << 20)), edge)
                }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                let (parent, order) = Self.spanningTree(nodeCount: union.count, sortedEdges: keyed)
                guard order.count == union.count else { return nil }
                var below = union.map { graph.weights[$0] }
                for node in order.reversed() where parent[node] >= 0 { below[parent[node]] += below[node] }
                var cuts = order.dropFirst().filter { bounds.contains(below[$0]) && bounds.contains(total - below[$0]) }
                // A few cuts per tree, in seeded order.
                for index in cuts.indices.reversed() { cuts.swapAt(index, random.below(index + 1)) }
                for cut in cuts.prefix(4) {
                    var inside = Array(repeating: false, count: union.count)
                    for node in order where node == cut || (parent[node] >= 0 && inside[parent[node]]) {
                        inside[node] = true
                    }
                    let sideA = union.indices.filter { inside[$0] }.map { union[$0] }
                    let sideB = union.indices.filter { !inside[$0] }.map { union[$0] }
                    guard packs(sideA), packs(sideB) else { continue }
                    // The side holding more of `grid`'s households keeps its label.
                    let keepA = sideA.reduce(0) { $0 + (gridOf[$1] == grid ? graph.weights[$1] + 1 : 0) }
                    let keepB = sideB.reduce(0) { $0 + (gridOf[$1] == grid ? graph.weights[$1] + 1 : 0) }
                    var labels: [Int: Int] = [:]
                    for node in sideA { labels[node] = keepA >= keepB ? grid : other }
                    for node in sideB { labels[node] = keepA >= keepB ? other : grid }
                    return labels
                }
            }
        }
        return nil
    }

    /// Every cut of a small union of two grids into two connected grids within the grid bounds, fewest households
    /// moved first, until the packer packs both sides (at most 60 cuts tried).
    private func exactBipartition(union: [Int], grid: Int, other: Int, gridOf: [Int], graph: DistrictingGraph,
                                  packs: ([Int]) -> Bool) -> [Int: Int]? {
        let bounds = parameters.gridBounds
        let count = union.count
        var local: [Int: Int] = [:]
        for (index, node) in union.enumerated() { local[node] = index }
        var near = Array(repeating: 0, count: count)
        for (index, node) in union.enumerated() {
            for next in graph.neighbours[node] {
                if let j = local[next] { near[index] |= 1 << j }
            }
        }
        func connected(_ mask: Int) -> Bool {
            guard mask != 0 else { return false }
            var reached = mask & -mask
            while true {
                var grown = reached
                var rest = reached
                while rest != 0 {
                    let bit = rest & -rest
                    grown |= near[bit.trailingZeroBitCount] & mask
                    rest ^= bit
                }
                if grown == reached { return reached == mask }
                reached = grown
            }
        }
        let all = (1 << count) - 1
        let inGrid = union.indices.reduce(0) { gridOf[union[$1]] == grid ? $0 | (1 << $1) : $0 }
        let total = union.reduce(0) { $0 + graph.weights[$1] }
        var cuts: [(moved: Int, mask: Int)] = []
        // Side A holds node 0 (each cut once).
        for half in 0..<(1 << (count - 1)) {
            let mask = (half << 1) | 1
            var weight = 0
            var rest = mask
            while rest != 0 {
                let bit = rest & -rest
                weight += graph.weights[union[bit.trailingZeroBitCount]]
                rest ^= bit
            }
            guard bounds.contains(weight), bounds.contains(total - weight), connected(mask),
                connected(all ^ mask)
            else { continue }
            // Households moved if side A becomes `grid`, or `other`; the cheaper reading counts.
            var movedA = 0, movedB = 0
            for index in 0..<count {
                let w = graph.weights[union[index]] + 1
                let sideA = mask & (1 << index) != 0, wasGrid = inGrid & (1 << index) != 0
                if sideA != wasGrid { movedA += w } else { movedB += w }
            }
            cuts.append((min(movedA, movedB), movedA <= movedB ? mask : all ^ mask))
        }
        cuts.sort { ($0.moved, $0.mask) < ($1.moved, $1.mask) }
        for cut in cuts.prefix(60) {
            let sideA = union.indices.filter { cut.mask & (1 << $0) != 0 }.map { union[$0] }
            let sideB = union.indices.filter { cut.mask & (1 << $0) == 0 }.map { union[$0] }
            guard packs(sideA), packs(sideB) else { continue }
            var labels: [Int: Int] = [:]
            for node in sideA { labels[node] = grid }
            for node in sideB { labels[node] = other }
            return labels
        }
        return nil
    }

    /// Whether `nodes` form one connected piece of `graph`.
    /// Whether `nodes` (a candidate grid) split into micro-grids within the bounds, the fewest the bounds allow;
    /// `known` remembers earlier answers, since the repair asks about the same node sets many times.
    func packsMicroGrids(_ nodes: [Int], residential: [Int], graph: DistrictingGraph, known: inout [[Int]: Bool])
        -> Bool
    {
        if let answer = known[nodes] { return answer }
        let fewest = Self.partCount(
            nodes.reduce(0) { $0 + graph.weights[$1] }, bounds: parameters.microBounds, nodes: nodes.count)
        let trees = SearchLimits.packCheckTrees
        let found =
            packedMicroPlan(nodes: nodes, residential: residential, graph: graph, fewest: fewest, trees: trees) != nil
        known[nodes] = found
        return found
    }

    /// The spanning tree Kruskal takes from `sortedEdges` (cheapest first), rooted at node 0: each node's parent (-1
    /// for the root and for nodes the edges do not reach) and the breadth-first order from the root.
    ///
    /// - Complexity: O(m α(n) + n) for n nodes and m edges.
    static func spanningTree(nodeCount: Int, sortedEdges: [(Double, IndexPair)]) -> (parent: [Int], order: [Int]) {
        SpanningTree(nodeCount: nodeCount, edgesInOrder: sortedEdges.lazy.map(\.1)).rooted(at: 0)
    }

    static func connected(_ nodes: [Int], graph: DistrictingGraph) -> Bool {
        guard let start = nodes.first else { return false }
        let inside = Set(nodes)
        var seen: Set<Int> = [start]
        var stack = [start]
        while let node = stack.popLast() {
            for next in graph.neighbours[node] where inside.contains(next) && seen.insert(next).inserted {
                stack.append(next)
            }
        }
        return seen.count == nodes.count
    }
}
