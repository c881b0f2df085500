import GridModel
import PlanningSupport

/// Micro-grids beyond ⌈households / max⌉ only where an exact check proves the fewest impossible (or cannot decide):
/// each extra micro-grid costs a micro-grid leader.
extension CommunityDistricter {
    /// What the exact check says about packing a grid into `fewest` micro-grids: a plan with the fewest (whole
    /// buildings tried first, then buildings cut into their units), or whether the fewest is proven impossible.
    func fewestMicroCheck(nodes all: [Int], residential: [Int], graph: DistrictingGraph, fewest: Int) -> (
        plan: MicroPlan?, provenImpossible: Bool
    ) {
        let nodes = all.filter { parameters.microGridsCover(context.buildings[residential[$0]].compoundType) }
        guard !nodes.isEmpty, fewest >= 1 else { return (nil, false) }
        var previous = -1
        var wholeImpossible = false
        for splitUnits in [false, true] {
            let fine = fineAtoms(nodes: nodes, residential: residential, graph: graph, splitUnits: splitUnits)
            guard !fine.oversized else { return (nil, false) }
            // No building has units to cut: the whole-building check already ran on the finest atoms.
            if fine.atoms.count == previous { return (nil, wholeImpossible) }
            previous = fine.atoms.count
            let check = MicroGridCountCheck(
                bounds: parameters.microBounds, weights: fine.atoms.map(\.households), buildingOf: fine.buildingOf,
                chains: fine.chains, buildingEdges: fine.edges, buildingCount: nodes.count, positions: fine.positions)
            switch check.check(parts: fewest) {
            case .packing(let labels):
                let plan = MicroPlan(atoms: fine.atoms, labels: PartitionSolver.canonical(labels, parts: fewest),
                                     positions: fine.positions, violation: 0, oversized: [], fewest: fewest)
                return (plan, false)
            case .impossible:
                // Whole buildings only: cutting them into units may still pack.
                if splitUnits { return (nil, true) }
                wholeImpossible = true
            case .unknown:
                wholeImpossible = false
                if let plan = grownMicroPlan(fine: fine, nodes: nodes, residential: residential, fewest: fewest,
                                             nodeLimit: SearchLimits.growingSearchNodes,
                                             starts: SearchLimits.growingSearchStarts) {
                    return (plan, false)
                }
            }
        }
        return (nil, false)
    }

    /// The fewest micro-grids grown one by one on `fine` atoms (``MicroGridGrowingSearch``), nil when not found.
    func grownMicroPlan(fine: FineAtoms, nodes: [Int], residential: [Int], fewest: Int, nodeLimit: Int,
                        starts: Int) -> MicroPlan? {
        var growing = MicroGridGrowingSearch(
            bounds: parameters.microBounds, weights: fine.atoms.map(\.households), buildingOf: fine.buildingOf,
            chains: fine.chains, buildingEdges: fine.edges,
            buildingPositions: nodes.map { context.buildings[residential[$0]].position })
        growing.nodeLimit = nodeLimit
        growing.starts = starts
        guard let labels = growing.search(parts: fewest) else { return nil }
        return MicroPlan(atoms: fine.atoms, labels: PartitionSolver.canonical(labels, parts: fewest),
                         positions: fine.positions, violation: 0, oversized: [], fewest: fewest)
    }
}

extension CommunityDistricter {
    /// Boundary buildings moved between neighbouring grids where the two grids then take fewer micro-grids together,
    /// or as many with fewer of them above their own fewest (a grid's households near a multiple of the micro
    /// maximum leave no room for lumpy buildings; a few households more or less let it pack). Both grids stay within
    /// the grid bounds and connected. Candidates that move a building least far from its grid's centre go first; the
    /// packer estimates each, the full micro-grid drawing confirms the move (undone when it does not gain). A move
    /// never spreads a compound over more grids than before: compounds stay whole where the grid level kept them so,
    /// whatever a micro-grid leader saved would be worth.
    ///
    /// - Complexity: at most `extraTradeRounds` rounds × `extraTradeCandidates` packer checks per grid above its
    ///   fewest, and one full drawing of two grids per accepted estimate.
    func tradeForFewerMicroGrids(gridOf: inout [Int], plans: inout [MicroPlan], residential: [Int],
                                 graph: DistrictingGraph) {
        let count = plans.count
        let bounds = parameters.gridBounds
        func members(_ label: Int) -> [Int] { (0..<graph.nodeCount).filter { gridOf[$0] == label } }
        var nodesOfCompound: [CompoundID: [Int]] = [:]
        for node in 0..<graph.nodeCount {
            if let compound = context.buildings[residential[node]].compoundID {
                nodesOfCompound[compound, default: []].append(node)
            }
        }
        func spreadsCompound(_ node: Int, to: Int) -> Bool {
            guard let compound = context.buildings[residential[node]].compoundID,
                let nodes = nodesOfCompound[compound]
            else { return false }
            let before = Set(nodes.map { gridOf[$0] })
            let after = Set(nodes.map { $0 == node ? to : gridOf[$0] })
            return after.count > before.count
        }
        func extra(_ plan: MicroPlan) -> Int { plan.count > plan.fewest ? 1 : 0 }
        func estimate(_ nodes: [Int]) -> (count: Int, fewest: Int)? {
            let households = nodes.reduce(0) { $0 + graph.weights[$1] }
            let fewest = Self.partCount(households, bounds: parameters.microBounds, nodes: nodes.count)
            let packed = packedMicroPlan(nodes: nodes, residential: residential, graph: graph, fewest: fewest,
                                         trees: SearchLimits.packCheckTrees)
            if let packed, packed.count <= fewest { return (packed.count, fewest) }
            // The few trees miss most tight packings (a grid filled to within a few households of its micro-grids):
            // a short growing search on the finest atoms tells them apart from grids that truly need one more.
            let covered = nodes.filter { parameters.microGridsCover(context.buildings[residential[$0]].compoundType) }
            let fine = fineAtoms(nodes: covered, residential: residential, graph: graph, splitUnits: true)
            if !covered.isEmpty, !fine.oversized,
                grownMicroPlan(fine: fine, nodes: covered, residential: residential, fewest: fewest,
                               nodeLimit: SearchLimits.tradeGrowingNodes, starts: SearchLimits.tradeGrowingStarts) != nil
            {
                return (fewest, fewest)
            }
            return packed.map { ($0.count, fewest) }
        }
        for _ in 0..<SearchLimits.extraTradeRounds where !context.deadlinePassed {
            var changed = false
            for grid in 0..<count where plans[grid].count > plans[grid].fewest && plans[grid].violation == 0
                && plans[grid].oversized.isEmpty
            {
                var weight = Array(repeating: 0, count: count)
                for node in 0..<graph.nodeCount { weight[gridOf[node]] += graph.weights[node] }
                let centres = Self.centres(labels: gridOf, count: count, graph: graph)
                let positions = graph.positions ?? Array(repeating: PlanarPoint(x: 0, y: 0), count: graph.nodeCount)
                var candidates = Set<[Int]>()
                for node in 0..<graph.nodeCount where gridOf[node] == grid {
                    for other in graph.neighbours[node] where gridOf[other] != grid {
                        candidates.insert([node, grid, gridOf[other]])
                        candidates.insert([other, gridOf[other], grid])
                    }
                }
                func closerFirst(_ a: (Double, [Int]), _ b: (Double, [Int])) -> Bool {
                    a.0 != b.0 ? a.0 < b.0 : a.1.lexicographicallyPrecedes(b.1)
                }
                func shift(_ move: [Int]) -> Double {
                    positions[move[0]].distance(to: centres[move[2]])
                        - positions[move[0]].distance(to: centres[move[1]])
                }
                let ordered = candidates.filter { move in
                    let w = graph.weights[move[0]]
                    return plans[move[1]].violation == 0 && plans[move[2]].violation == 0
                        && plans[move[1]].oversized.isEmpty && plans[move[2]].oversized.isEmpty
                        && weight[move[1]] - w >= bounds.min && weight[move[2]] + w <= bounds.max
                }.map { (shift($0), $0) }.sorted(by: closerFirst).map(\.1)
                var tried = 0
                for move in ordered {
                    guard tried < SearchLimits.extraTradeCandidates else { break }
                    let node = move[0], from = move[1], to = move[2]
                    let left = members(from).filter { $0 != node }
                    guard !left.isEmpty, !spreadsCompound(node, to: to), Self.connected(left, graph: graph) else {
                        continue
                    }
                    tried += 1
                    let joined = (members(to) + [node]).sorted()
                    let before = (plans[from].count + plans[to].count, extra(plans[from]) + extra(plans[to]))
                    guard let a = estimate(left), let b = estimate(joined) else { continue }
                    let guess = (a.count + b.count, (a.count > a.fewest ? 1 : 0) + (b.count > b.fewest ? 1 : 0))
                    guard guess < before else { continue }
                    let planFrom = microPlan(nodes: left, residential: residential, graph: graph)
                    let planTo = microPlan(nodes: joined, residential: residential, graph: graph)
                    guard planFrom.violation == 0, planTo.violation == 0,
                        (planFrom.count + planTo.count, extra(planFrom) + extra(planTo)) < before
                    else { continue }
                    gridOf[node] = to
                    plans[from] = planFrom
                    plans[to] = planTo
                    changed = true
                    break
                }
            }
            if !changed { break }
        }
    }
}
