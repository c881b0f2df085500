import GridModel

/// Micro-grids that the partition search misses: packing on single floors, and trading boundary buildings between
/// neighbouring grids when a grid's atoms cannot be packed at all.
extension CommunityDistricter {
    /// The atoms of a grid with units above the micro maximum cut into single floors (chained in floor order), the
    /// local building of each atom, and the buildings' neighbour pairs inside the grid.
    func fineAtoms(nodes: [Int], residential: [Int], graph: DistrictingGraph, splitUnits: Bool) -> (
        atoms: [DistrictingAtom], buildingOf: [Int], chains: [[Int]], positions: [PlanarPoint],
        edges: [IndexPair], oversized: Bool
    ) {
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
                         trees: Int = 32) -> MicroPlan? {
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
        for _ in 0..<3 {
            var changed = false
            for label in 0..<count where plans[label].violation > 0 && plans[label].oversized.isEmpty {
                guard let move = tradeForPacking(grid: label, gridOf: gridOf, residential: residential, graph: graph)
                else { continue }
                let building = context.buildings[residential[move.node]].id
                gridOf[move.node] = move.to
                for touched in [move.from, move.to] {
                    plans[touched] = microPlan(nodes: members(touched, gridOf), residential: residential,
                                               graph: graph)
                }
                outcome.warnings.append("community \(community): building \(building) moved to a neighbouring grid "
                    + "so that both grids' micro-grids fit \(parameters.microBounds) households")
                changed = true
            }
            if !changed { break }
        }
        return plans
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
            if let known = packable[nodes] { return known }
            let fewest = Self.partCount(nodes.reduce(0) { $0 + graph.weights[$1] }, bounds: parameters.microBounds,
                                        nodes: nodes.count)
            let found = packedMicroPlan(nodes: nodes, residential: residential, graph: graph, fewest: fewest,
                                        trees: 12) != nil
            packable[nodes] = found
            return found
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

    /// Whether `nodes` form one connected piece of `graph`.
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
