import Foundation
import GridModel
import PlanningSupport

/// Draws the grids, micro-grids and special grids of one community.
struct CommunityDistricter {
    /// How hard the drawing searches. None weighs one valid plan against another (the rules' terms do): more search
    /// finds the same plan or a better one by the same terms, at a cost in time, so none is a planner's choice.
    enum SearchLimits {
        /// Seeds a community is drawn with when its micro-grids miss their bounds.
        static let drawingAttempts = 3
        /// Grid counts tried above the fewest the bounds allow.
        static let extraGridCounts = 2
        /// Graphs of at most this many nodes are tried exactly first (connected clusters, exact cover).
        static let exactNodeLimit = 64
        /// Clusters the exact model may enumerate.
        static let exactColumnLimit = 15_000
        /// Seconds the exact model may take per part count.
        static let exactSeconds = 1.5
        /// Part counts the tree search tries above the first.
        static let heuristicExtraParts = 4
        /// Tree-search starts and ReCom steps per part, for grids and for (coarsened) micro-grids.
        static let gridStarts = 3, gridStepsPerPart = 30, microStarts = 2, microStepsPerPart = 20
        /// Spanning trees per part of a ReCom step, and the steps without gain before a start stops (plus per part).
        static let treesPerPart = 40, patience = 10, patiencePerPart = 2
        /// A heuristic partition's time limit and deadline in seconds: guards, never reached on a community.
        static let heuristicSeconds = 60.0, heuristicDeadlineSeconds = 120.0
        /// Packer trees for a grid whose micro-grids miss their bounds, and for one that needs fewer micro-grids.
        static let packerTrees = 32, packerTreesForFewer = 400
        /// Micro-grid repair: rounds of building trades, steps of the ReCom walk, passes moving buildings back.
        static let repairRounds = 3, repairWalkSteps = 3_000, pullBackPasses = 2
        /// Two grids redrawn as one: unions of at most this many buildings are cut exactly, larger ones along this
        /// many seeded trees; each candidate grid is checked with this many packer trees.
        static let exactUnionLimit = 18, unionTrees = 48, packCheckTrees = 6
        /// Trades for fewer micro-grids: rounds over the grids above their fewest, boundary moves checked per grid.
        static let extraTradeRounds = 2, extraTradeCandidates = 16
        /// Micro-grid drawing of a grid whose atoms × micro-grids exceed `microSearchWork` (micro bounds far below
        /// 30–50 households) packs first: the tree search's work grows with both, the packer's stays linear in the
        /// atoms. The tree search's ReCom steps per start are at most `microStepBudget` whatever the part count.
        static let microSearchWork = 20_000, microStepBudget = 400
        /// Micro-grids grown one by one (``MicroGridGrowingSearch``) where the exact check cannot decide: search nodes
        /// per starting edge, and starting edges.
        static let growingSearchNodes = 5_000, growingSearchStarts = 16
        /// The same for a trade's estimate of a candidate grid (confirmed by the full drawing when it gains).
        static let tradeGrowingNodes = 2_000, tradeGrowingStarts = 4
    }

    let context: CommunityContext
    let community: CommunityID
    /// Indices into `context.buildings` of the community's buildings, sorted.
    let members: [Int]
    /// The seed of this drawing's random choices (a re-draw with another seed is tried when micro-grids fail).
    var seed: UInt64

    init(context: CommunityContext, community: CommunityID, members: [Int]) {
        self.context = context
        self.community = community
        self.members = members
        seed = context.parameters.seed
    }

    var parameters: StreetDistrictingParameters { context.parameters }

    func run() -> CommunityOutcome {
        var outcome = CommunityOutcome(assignments: [], deviations: [], warnings: [])
        let buildings = context.buildings
        let special = members.filter { parameters.isSpecial(buildings[$0].kind) }
        outcome.assignments += specialGridRows(special)
        let residential = members.filter { !parameters.isSpecial(buildings[$0].kind) }
        guard !residential.isEmpty else { return outcome }
        var local = [Int: Int]()
        for (index, building) in residential.enumerated() {
            local[building] = index
        }
        var edges: [IndexPair] = []
        for (index, building) in residential.enumerated() {
            for other in context.neighbours[building] {
                if let j = local[other], j > index { edges.append(IndexPair(index, j)) }
            }
        }
        let positions = residential.map { buildings[$0].position }
        edges += joinIslands(residential: residential, positions: positions, edges: edges, warnings: &outcome.warnings)
        let weights = residential.map { buildings[$0].households }
        let buildingGraph = DistrictingGraph(weights: weights, positions: positions, edges: edges)
        // Grids whose micro-grids cannot meet their bounds (lumpy buildings) are redrawn with other seeds; the plan
        // missing the micro bounds least is kept.
        var best: CommunityOutcome?
        var bestMiss = Int.max
        for attempt in 0..<SearchLimits.drawingAttempts {
            if attempt > 0 && context.deadlinePassed { break }
            var drawer = self
            drawer.seed = seed &+ UInt64(attempt) &* 7_919
            let plan = drawer.drawResidential(residential: residential, graph: buildingGraph)
            let miss = plan.deviations.reduce(0) { $0 + $1.amount }
            if miss < bestMiss {
                best = plan
                bestMiss = miss
            }
            let microMiss = plan.deviations.filter { $0.rule != .gridHouseholds }.count
            if microMiss == 0 { break }
        }
        outcome.assignments += best?.assignments ?? []
        outcome.deviations += best?.deviations ?? []
        outcome.warnings += best?.warnings ?? []
        outcome.extraGrids += best?.extraGrids ?? []
        outcome.clockCut = context.deadlinePassed
        return outcome
    }

    /// The rows of the community's special grids: sites grouped by ``SpecialGridGrouping``, codes in reading order
    /// of the groups' centres, one micro-grid per building (or per band of floors of a tower, when the rule says).
    private func specialGridRows(_ special: [Int]) -> [GridAssignment] {
        let buildings = context.buildings
        let grouping = SpecialGridGrouping(rule: parameters.specialSites)
        let groups = grouping.groups(special: special, buildings: buildings, neighbours: context.neighbours,
                                     seed: SplitMix64.mix(seed, 0x5171E))
        let centres = groups.map { group in
            let count = Double(group.count)
            return PlanarPoint(x: group.reduce(0.0) { $0 + buildings[$1].position.x } / count,
                               y: group.reduce(0.0) { $0 + buildings[$1].position.y } / count)
        }
        var rows: [GridAssignment] = []
        for (rank, position) in ReadingOrder.order(centres).enumerated() {
            let group = groups[position]
            let grid = GridID("\(community)-S\(Self.two(rank + 1))")
            var micro = 0
            for index in ReadingOrder.order(group.map { buildings[$0].position }) {
                let building = buildings[group[index]]
                for band in specialBands(building) {
                    micro += 1
                    rows.append(GridAssignment(
                        buildingID: building.id, floors: band, households: band == nil ? building.households : 0,
                        communityID: community, gridID: grid, microGridID: MicroGridID("\(grid)-M\(Self.two(micro))"),
                        kind: building.kind
                    ))
                }
            }
        }
        return rows
    }

    /// The micro-grid bands of a special building: bands of the rule's floors for a tower without households, else
    /// the whole building (nil).
    private func specialBands(_ building: Building) -> [FloorBand?] {
        let step = parameters.specialSites.floorsPerMicroGrid
        guard step > 0, building.households == 0, let floors = building.floors, floors > step else { return [nil] }
        return stride(from: 1, through: floors, by: step).map {
            FloorBand(lowest: $0, highest: min(floors, $0 + step - 1))
        }
    }

    private func drawResidential(residential: [Int], graph: DistrictingGraph) -> CommunityOutcome {
        var outcome = CommunityOutcome(assignments: [], deviations: [], warnings: [])
        let pieces = graph.components
        if pieces.count > 1 {
            outcome.warnings.append(.cut(community, into: pieces.map(\.count)))
        }
        var gridOf = Array(repeating: 0, count: graph.nodeCount)
        var offset = 0
        var used: [Int] = []
        for piece in pieces {
            var local = [Int: Int]()
            for (index, node) in piece.enumerated() { local[node] = index }
            let edges = graph.edges.compactMap { edge -> IndexPair? in
                guard let a = local[edge.first], let b = local[edge.second] else { return nil }
                return IndexPair(a, b)
            }
            let sub = DistrictingGraph(weights: piece.map { graph.weights[$0] },
                                       positions: graph.positions.map { positions in piece.map { positions[$0] } },
                                       edges: edges)
            let labels = drawGrids(residential: piece.map { residential[$0] }, graph: sub)
            for (index, node) in piece.enumerated() { gridOf[node] = offset + labels[index] }
            offset += (labels.max() ?? -1) + 1
            used.append((labels.max() ?? -1) + 1)
        }
        if let note = extraGridsNote(pieces: pieces, used: used, graph: graph) { outcome.extraGrids.append(note) }
        // Micro-grids per grid; a grid whose atoms cannot be packed within the micro bounds trades a boundary
        // building with a neighbouring grid first (see repairMicroGrids).
        let plans = repairMicroGrids(gridOf: &gridOf, residential: residential, graph: graph,
                                     outcome: &outcome)
        let codes = gridCodes(residential: residential, gridOf: gridOf, graph: graph)
        for (label, code) in codes.enumerated() {
            let nodes = (0..<residential.count).filter { gridOf[$0] == label }
            let households = nodes.reduce(0) { $0 + graph.weights[$1] }
            if let deviation = check(households, bounds: parameters.gridBounds, rule: .gridHouseholds,
                                     place: code.rawValue) {
                outcome.deviations.append(deviation)
            }
            writeMicroGrids(plans[label], grid: code, outcome: &outcome)
        }
        return outcome
    }

    static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    func check(_ households: Int, bounds: DistrictingBounds, rule: StreetDeviation.Rule,
                       place: String) -> StreetDeviation? {
        guard !bounds.contains(households) else { return nil }
        let below = households < bounds.min
        let amount = bounds.violation(households)
        let arguments = [
            "place": place, "households": "\(households)", "amount": "\(amount)",
            "bound": "\(below ? bounds.min : bounds.max)", "community": community.rawValue,
        ]
        let message =
            switch (rule == .gridHouseholds, below) {
            case (true, true): Message.text("planning.deviation.grid_below", arguments)
            case (true, false): Message.text("planning.deviation.grid_above", arguments)
            case (false, true): Message.text("planning.deviation.micro_grid_below", arguments)
            case (false, false): Message.text("planning.deviation.micro_grid_above", arguments)
            }
        return StreetDeviation(
            rule: rule, communityID: community, place: place, value: households, amount: amount, message: message)
    }

    /// The number of parts for `households`: the fewest the bounds allow, else the count that misses them least.
    static func partCount(_ households: Int, bounds: DistrictingBounds, nodes: Int) -> Int {
        if let fewest = bounds.fewestParts(for: households), fewest <= max(nodes, 1) { return fewest }
        var best = 1
        var bestMiss = Int.max
        let most = max(1, min(nodes, bounds.min > 0 ? households / bounds.min + 1 : nodes))
        for count in 1...most {
            let miss = max(0, count * bounds.min - households) + max(0, households - count * bounds.max)
            if miss < bestMiss {
                bestMiss = miss
                best = count
            }
        }
        return best
    }

    /// Virtual edges joining every cut-off piece of the community to its nearest building, with a warning each.
    private func joinIslands(residential: [Int], positions: [PlanarPoint], edges: [IndexPair],
                             warnings: inout [PlanWarning]) -> [IndexPair] {
        var added: [IndexPair] = []
        while true {
            let graph = DistrictingGraph(weights: positions.map { _ in 1 }, edges: edges + added)
            // Pieces whose households make valid grids stay apart (drawn on their own); the others (fewer than a
            // grid, or in a gap such as 500–600) are joined to their nearest building.
            let small = graph.components.filter { piece in
                let households = piece.reduce(0) { $0 + context.buildings[residential[$1]].households }
                return parameters.gridBounds.fewestParts(for: households) == nil
            }
            guard graph.components.count > 1,
                let piece = small.min(by: { $0.count != $1.count ? $0.count < $1.count : $0[0] < $1[0] })
            else { break }
            let inside = Set(piece)
            var best: (distance: Double, a: Int, b: Int)?
            for a in piece {
                for b in positions.indices where !inside.contains(b) {
                    let distance = positions[a].distance(to: positions[b])
                    if best == nil || distance < (best?.distance ?? 0) { best = (distance, a, b) }
                }
            }
            guard let best else { break }
            added.append(IndexPair(best.a, best.b))
            warnings.append(
                .joined(
                    piece: piece.map { context.buildings[residential[$0]].id }, in: community,
                    to: context.buildings[residential[best.b]].id, metres: best.distance))
        }
        return added
    }

    /// The grid label of each building (local index): compounds that fit contracted first, buildings if needed.
    private func drawGrids(residential: [Int], graph: DistrictingGraph) -> [Int] {
        let total = graph.totalWeight
        let count = Self.partCount(total, bounds: parameters.gridBounds, nodes: graph.nodeCount)
        let anchorWeight = parameters.stabilityWeight
        var labels: [Int] = Array(repeating: 0, count: graph.nodeCount)
        var bestViolation = Int.max
        let most = max(count, min(graph.nodeCount,
                                  parameters.gridBounds.min > 0 ? total / parameters.gridBounds.min : count))
        // A current plan that still meets every grid rule here is kept as it is: a re-draw changes only the
        // communities that need it.
        let counts = count...max(count, min(most, count + SearchLimits.extraGridCounts))
        if let kept = keptCurrent(residential: residential, graph: graph, counts: counts) {
            return kept
        }
        // The fewest grids first. Compounds that fit are contracted (kept whole); when that leaves no valid plan,
        // only the smaller compounds are, then none; then one grid more.
        let limits = [parameters.gridBounds.max, parameters.gridBounds.max / 2, 0]
        search: for parts in count...min(most, count + SearchLimits.extraGridCounts) {
            // A re-draw with as many grids as the current plan starts from it building by building (it may split
            // compounds), so that the stability term sees every household that would leave its grid.
            let singles = (0..<graph.nodeCount).map { [$0] }
            if let current = currentLabels(groups: singles, residential: residential, graph: graph, parts: parts) {
                let found = solve(graph, parts: parts, bounds: parameters.gridBounds, initial: current,
                                  anchorWeight: anchorWeight, escalate: false)
                if found.violation < bestViolation {
                    bestViolation = found.violation
                    labels = found.part
                }
                if bestViolation == 0 { break search }
            }
            var tried = Set<Int>()
            for limit in limits {
                if bestViolation < Int.max && context.deadlinePassed { break search }
                let (superOf, supers) = contraction(residential: residential, graph: graph, limit: limit)
                guard tried.insert(supers.count).inserted else { continue }
                let contracted = Self.contract(graph, superOf: superOf, supers: supers)
                let initial = currentLabels(groups: supers, residential: residential, graph: graph, parts: parts)
                var found = solve(contracted, parts: parts, bounds: parameters.gridBounds, initial: initial,
                                  anchorWeight: anchorWeight, escalate: false)
                // The tree search ranks by inertia; the measure is the mean distance, polished on the
                // buildings themselves. A re-draw keeps its stability-weighted plan instead.
                if initial == nil {
                    found = compacted(found, graph: contracted, supers: supers, buildings: graph, parts: parts)
                    if supers.count < graph.nodeCount && parameters.compoundSplitCost.isFinite {
                        let expanded = (0..<graph.nodeCount).map { found.part[superOf[$0]] }
                        found = splittingCompounds(expanded, residential: residential, graph: graph, parts: parts)
                        if found.violation < bestViolation {
                            bestViolation = found.violation
                            labels = found.part
                        }
                        if bestViolation == 0 { break search }
                        continue
                    }
                }
                if found.violation < bestViolation {
                    bestViolation = found.violation
                    labels = (0..<graph.nodeCount).map { found.part[superOf[$0]] }
                }
                if bestViolation == 0 { break search }
            }
        }
        return labels
    }

    /// The current plan's grid of each building, when every building has one of this community, their number is in
    /// `counts`, and every grid is connected and within the bounds; nil otherwise.
    private func keptCurrent(residential: [Int], graph: DistrictingGraph, counts: ClosedRange<Int>) -> [Int]? {
        guard !context.current.isEmpty else { return nil }
        var grids: [GridID] = []
        for node in 0..<graph.nodeCount {
            guard let grid = context.current[context.buildings[residential[node]].id],
                grid.rawValue.hasPrefix("\(community)-G")
            else { return nil }
            grids.append(grid)
        }
        let codes = Array(Set(grids)).sorted()
        guard counts.contains(codes.count) else { return nil }
        let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let labels = grids.map { index[$0] ?? 0 }
        var weight = Array(repeating: 0, count: codes.count)
        for node in 0..<graph.nodeCount { weight[labels[node]] += graph.weights[node] }
        guard weight.allSatisfy({ parameters.gridBounds.contains($0) }),
            (0..<codes.count).allSatisfy({ graph.isConnected(part: $0, in: labels) })
        else { return nil }
        return labels
    }

    /// `found` made more compact by ``CompactnessSearch`` on the contracted graph, each group measured on its
    /// buildings; never worse in bound violation.
    private func compacted(_ found: (part: [Int], violation: Int), graph: DistrictingGraph, supers: [[Int]],
                           buildings: DistrictingGraph, parts: Int) -> (part: [Int], violation: Int) {
        guard let positions = buildings.positions, found.part.count == graph.nodeCount else { return found }
        let members = supers.map { group in
            group.map { CompactnessSearch.Member(point: positions[$0], weight: Double(buildings.weights[$0])) }
        }
        let search = CompactnessSearch(graph: graph, bounds: parameters.gridBounds, parts: parts, members: members,
                                       seed: SplitMix64.mix(seed, 0x5EA7))
        let part = search.improve(found.part)
        var weight = Array(repeating: 0, count: parts)
        for node in 0..<graph.nodeCount { weight[part[node]] += graph.weights[node] }
        return (part, weight.reduce(0) { $0 + parameters.gridBounds.violation($1) })
    }

    /// Building-level labels polished by ``CompactnessSearch`` with compounds that fit in a grid as groups: a compound
    /// is split where the grids get more compact by more than `parameters.compoundSplitCost` per split (default
    /// 2,000: one metre of mean distance in a community of 2,000 households; the trade-off is measured in
    /// Benchmarks/scripts/grids_baseline.md).
    private func splittingCompounds(_ labels: [Int], residential: [Int], graph: DistrictingGraph, parts: Int) -> (
        part: [Int], violation: Int
    ) {
        var households: [CompoundID: Int] = [:]
        for node in 0..<graph.nodeCount {
            if let compound = context.buildings[residential[node]].compoundID {
                households[compound, default: 0] += graph.weights[node]
            }
        }
        let fitting = households.filter { $0.value <= parameters.gridBounds.max }.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: fitting.enumerated().map { ($1, $0) })
        var search = CompactnessSearch(graph: graph, bounds: parameters.gridBounds, parts: parts,
                                       seed: SplitMix64.mix(seed, 0xB11D))
        search.groups = (0..<graph.nodeCount).map { node in
            context.buildings[residential[node]].compoundID.flatMap { index[$0] } ?? -1
        }
        search.groupPenalty = parameters.compoundSplitCost
        let part = search.improve(labels)
        var weight = Array(repeating: 0, count: parts)
        for node in 0..<graph.nodeCount { weight[part[node]] += graph.weights[node] }
        return (part, weight.reduce(0) { $0 + parameters.gridBounds.violation($1) })
    }

    static func contract(_ graph: DistrictingGraph, superOf: [Int], supers: [[Int]]) -> DistrictingGraph {
        let positions = graph.positions ?? []
        var weights: [Int] = []
        var centres: [PlanarPoint] = []
        for members in supers {
            let weight = members.reduce(0) { $0 + graph.weights[$1] }
            weights.append(weight)
            var x = 0.0, y = 0.0, mass = 0.0
            for node in members where !positions.isEmpty {
                let w = Double(graph.weights[node]) + 1e-6
                x += w * positions[node].x
                y += w * positions[node].y
                mass += w
            }
            centres.append(mass > 0 ? PlanarPoint(x: x / mass, y: y / mass) : PlanarPoint(x: 0, y: 0))
        }
        let edges = graph.edges.compactMap { edge -> IndexPair? in
            let a = superOf[edge.first], b = superOf[edge.second]
            return a == b ? nil : IndexPair(a, b)
        }
        return DistrictingGraph(weights: weights, positions: positions.isEmpty ? nil : centres, edges: edges)
    }

    /// Labels from the current plan for each group of buildings (majority by households), when the plan has exactly
    /// `parts` grids here; nil otherwise.
    private func currentLabels(groups: [[Int]], residential: [Int], graph: DistrictingGraph, parts: Int) -> [Int]? {
        guard !context.current.isEmpty else { return nil }
        var grids = Set<GridID>()
        var majority: [GridID?] = []
        for group in groups {
            var tally: [GridID: Int] = [:]
            for node in group {
                if let grid = context.current[context.buildings[residential[node]].id] {
                    tally[grid, default: 0] += graph.weights[node] + 1
                }
            }
            let pick = tally.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
            majority.append(pick)
            if let pick { grids.insert(pick) }
        }
        let sorted = grids.sorted()
        guard sorted.count == parts, majority.allSatisfy({ $0 != nil }) else { return nil }
        return majority.map { grid in grid.flatMap { sorted.firstIndex(of: $0) } ?? 0 }
    }

    /// The best partition into the fewest parts, from `parts` up, that the search finds within the bounds (lumpy
    /// atoms can make the household count's minimum impossible); the least-missing one when no count works.
    ///
    /// Small graphs (≤ 64 nodes) are tried exactly first (connected clusters, exact cover): under tight bounds that
    /// is both faster and surer than the tree search, and it proves a count impossible before the next is tried.
    private func solve(_ graph: DistrictingGraph, parts: Int, bounds: DistrictingBounds, initial: [Int]?,
                       anchorWeight: Double, starts: Int = SearchLimits.gridStarts,
                       steps: Int = SearchLimits.gridStepsPerPart,
                       escalate: Bool = true) -> (part: [Int], violation: Int) {
        let first = max(1, min(parts, graph.nodeCount))
        let total = graph.totalWeight
        let last = max(first, min(graph.nodeCount, bounds.min > 0 ? total / bounds.min : first))
        var best: (part: [Int], violation: Int)?
        var exactUsable = graph.nodeCount <= SearchLimits.exactNodeLimit
        let exactModel = ClusterPartitionModel(graph: graph, bounds: bounds, columnLimit: SearchLimits.exactColumnLimit)
        let clusters = exactUsable ? exactModel.clusters() : nil
        if clusters == nil { exactUsable = false }
        // Exact answers are cheap, so they may climb to the count the minimum allows; the tree search stops 4 higher.
        for count in first...(escalate ? last : first) {
            if count > first + SearchLimits.heuristicExtraParts && !exactUsable { break }
            if best != nil && context.deadlinePassed { break }
            let anchored = count == first ? initial : nil
            if exactUsable && anchored == nil {
                let seconds = min(SearchLimits.exactSeconds, max(0.05, context.deadline?.remaining ?? .infinity))
                let exact = exactModel.solve(parts: count, seconds: seconds, clusters: clusters)
                if let part = exact.part {
                    let labels = PartitionSolver.canonical(part, parts: count)
                    var search = PartitionLocalSearch(graph: graph, bounds: bounds, objective: .inertia, parts: count,
                                                      part: labels, seed: seed)
                    search.improve(recomSteps: 0)
                    return (PartitionSolver.canonical(search.part, parts: count), search.violation)
                }
                if exact.provenInfeasible {
                    if !escalate { break }
                    continue
                }
                // Too many clusters or branches: the exact stage cannot help at a larger count either.
                exactUsable = false
            }
            guard count <= first + SearchLimits.heuristicExtraParts else { continue }
            let candidate = heuristic(graph, parts: count, bounds: bounds, initial: anchored,
                                      anchorWeight: anchorWeight, starts: starts, steps: steps)
            if best == nil || candidate.violation < (best?.violation ?? 0) { best = candidate }
            if candidate.violation == 0 { break }
        }
        // Every count proven impossible: the nearest partition at the first count.
        return best ?? heuristic(graph, parts: first, bounds: bounds, initial: initial, anchorWeight: anchorWeight,
                                 starts: starts, steps: steps)
    }

    private func heuristic(_ graph: DistrictingGraph, parts: Int, bounds: DistrictingBounds, initial: [Int]?,
                           anchorWeight: Double, starts: Int, steps: Int) -> (part: [Int], violation: Int) {
        let request = DistrictingRequest(graph: graph, parts: parts, bounds: bounds, objective: .inertia)
        let solver = PartitionSolver(options: .init(timeLimit: SearchLimits.heuristicSeconds, seed: seed,
                                                    starts: starts, recomStepsPerPart: steps, exactNodeLimit: 0,
                                                    patience: SearchLimits.patience
                                                        + SearchLimits.patiencePerPart * parts,
                                                    treesPerPart: SearchLimits.treesPerPart))
        let guardDeadline = Deadline(seconds: SearchLimits.heuristicDeadlineSeconds)
        let deadline = context.deadline.map { $0.instant < guardDeadline.instant ? $0 : guardDeadline } ?? guardDeadline
        let found = solver.heuristicPartition(request, deadline: deadline, initial: initial,
                                              anchorWeight: initial == nil ? 0 : anchorWeight)
        return (PartitionSolver.canonical(found.part, parts: parts), found.violation)
    }

    /// Grid codes per label: a current code for the new grid that keeps most of its households, else the next free
    /// numbers in reading order.
    private func gridCodes(residential: [Int], gridOf: [Int], graph: DistrictingGraph) -> [GridID] {
        let count = (gridOf.max() ?? -1) + 1
        let centres = Self.centres(labels: gridOf, count: count, graph: graph)
        var codes = [GridID?](repeating: nil, count: count)
        var used = Set<GridID>()
        if !context.current.isEmpty {
            var overlap: [(households: Int, label: Int, grid: GridID)] = []
            var tally: [Int: [GridID: Int]] = [:]
            for node in 0..<graph.nodeCount {
                if let grid = context.current[context.buildings[residential[node]].id],
                    grid.rawValue.hasPrefix("\(community)-G")
                {
                    tally[gridOf[node], default: [:]][grid, default: 0] += graph.weights[node]
                }
            }
            for (label, grids) in tally {
                for (grid, households) in grids { overlap.append((households, label, grid)) }
            }
            overlap.sort { ($0.households, $1.label, $1.grid.rawValue) > ($1.households, $0.label, $0.grid.rawValue) }
            for entry in overlap where codes[entry.label] == nil && !used.contains(entry.grid) {
                codes[entry.label] = entry.grid
                used.insert(entry.grid)
            }
        }
        var next = 1
        for label in ReadingOrder.order(centres) where codes[label] == nil {
            while used.contains(GridID("\(community)-G\(Self.two(next))")) { next += 1 }
            let code = GridID("\(community)-G\(Self.two(next))")
            codes[label] = code
            used.insert(code)
        }
        return codes.map { $0 ?? GridID("\(community)-G00") }
    }

    static func centres(labels: [Int], count: Int, graph: DistrictingGraph) -> [PlanarPoint] {
        var x = Array(repeating: 0.0, count: count)
        var y = Array(repeating: 0.0, count: count)
        var mass = Array(repeating: 0.0, count: count)
        let positions = graph.positions ?? Array(repeating: PlanarPoint(x: 0, y: 0), count: graph.nodeCount)
        for node in 0..<graph.nodeCount {
            let w = Double(graph.weights[node]) + 1e-6
            x[labels[node]] += w * positions[node].x
            y[labels[node]] += w * positions[node].y
            mass[labels[node]] += w
        }
        return (0..<count).map { mass[$0] > 0 ? PlanarPoint(x: x[$0] / mass[$0], y: y[$0] / mass[$0]) : PlanarPoint(x: 0, y: 0) }
    }

    /// Micro-grids inside one grid: atoms (whole buildings, units, floor bands) districted under the micro bounds;
    /// buildings are cut into their units only when whole buildings leave no valid micro-grids; when the search
    /// misses the bounds or needs more than the fewest micro-grids, the packer (single floors, bands chosen with the
    /// partition) is tried and kept when it is valid with fewer.
    func microPlan(nodes all: [Int], residential: [Int], graph: DistrictingGraph) -> MicroPlan {
        let nodes = all.filter { parameters.microGridsCover(context.buildings[residential[$0]].compoundType) }
        let uncovered = all.filter { !nodes.contains($0) }.map { residential[$0] }
        guard !nodes.isEmpty else {
            return MicroPlan(atoms: [], labels: [], positions: [], violation: 0, oversized: [], fewest: 0,
                             uncovered: uncovered)
        }
        var (atoms, microGraph, oversized) = microAtoms(nodes: nodes, residential: residential, graph: graph,
                                                       splitUnits: false)
        let households = microGraph.totalWeight
        let count = Self.partCount(households, bounds: parameters.microBounds, nodes: atoms.count)
        if oversized.isEmpty, atoms.count * count > SearchLimits.microSearchWork,
            var packed = packedMicroPlan(nodes: nodes, residential: residential, graph: graph, fewest: count)
        {
            packed.uncovered = uncovered
            return checkedAtFewest(packed, nodes: nodes, residential: residential, graph: graph)
        }
        // A grid this large for its micro bounds whose floors already exceed the micro maximum holds no valid plan:
        // one start at the fewest count gives the nearest plan without escalating through counts.
        let heavy = atoms.count * count > SearchLimits.microSearchWork
        var (labels, violation) = solveCoarsened(microGraph, atoms: atoms, parts: count, heavy: heavy)
        if violation > 0 && !heavy {
            let split = microAtoms(nodes: nodes, residential: residential, graph: graph, splitUnits: true)
            if split.atoms.count > atoms.count {
                let retry = solveCoarsened(split.graph, atoms: split.atoms, parts: count)
                if retry.violation < violation {
                    (atoms, microGraph, oversized) = split
                    (labels, violation) = retry
                }
            }
        }
        var chosen = MicroPlan(atoms: atoms, labels: labels, positions: microGraph.positions ?? atoms.map(\.position),
                               violation: violation, oversized: oversized, fewest: count, uncovered: uncovered)
        // The packer also runs when the search needed more micro-grids than the fewest (each has a leader to find).
        if oversized.isEmpty, violation > 0 || chosen.count > count, !context.deadlinePassed,
            var packed = packedMicroPlan(nodes: nodes, residential: residential, graph: graph, fewest: count,
                                         trees: violation > 0 ? SearchLimits.packerTrees
                                             : SearchLimits.packerTreesForFewer),
            violation > 0 || packed.count < chosen.count
        {
            packed.uncovered = uncovered
            chosen = packed
        }
        return checkedAtFewest(chosen, nodes: nodes, residential: residential, graph: graph)
    }

    /// `plan` when it is valid with the fewest micro-grids; else the exact check's plan with the fewest when it finds
    /// one, or `plan` marked with whether the fewest is proven impossible (more than the fewest only where the exact
    /// check proves the fewest impossible or cannot decide).
    private func checkedAtFewest(_ plan: MicroPlan, nodes: [Int], residential: [Int], graph: DistrictingGraph)
        -> MicroPlan
    {
        var plan = plan
        guard plan.oversized.isEmpty, plan.violation > 0 || plan.count > plan.fewest, !context.deadlinePassed else {
            return plan
        }
        let verdict = fewestMicroCheck(nodes: nodes, residential: residential, graph: graph, fewest: plan.fewest)
        if var exact = verdict.plan {
            exact.uncovered = plan.uncovered
            return exact
        }
        plan.fewestProvenImpossible = verdict.provenImpossible
        return plan
    }

    /// Writes a grid's micro-grids: codes in reading order, deviations, rows (consecutive floors of a unit in one
    /// micro-grid as one band).
    private func writeMicroGrids(_ plan: MicroPlan, grid: GridID, outcome: inout CommunityOutcome) {
        let atoms = plan.atoms, labels = plan.labels
        for building in plan.uncovered {
            let building = context.buildings[building]
            outcome.assignments.append(GridAssignment(
                buildingID: building.id, households: building.households, communityID: community, gridID: grid,
                microGridID: nil, kind: building.kind
            ))
        }
        if plan.count > plan.fewest, !atoms.isEmpty {
            let households = atoms.reduce(0) { $0 + $1.households }
            outcome.extraGrids.append(ExtraGrids(
                communityID: community, level: .microGrid, place: grid.rawValue, count: plan.count,
                fewest: plan.fewest, lowerBound: plan.fewestProvenImpossible ? plan.fewest + 1 : nil,
                reason: .microGridPacking, proven: plan.fewestProvenImpossible,
                message: microGridsNote(grid: grid, plan: plan, households: households)
            ))
        }
        for (building, households) in plan.oversized {
            outcome.deviations.append(StreetDeviation(
                rule: .unitTooLarge, communityID: community, place: "\(building)", value: households,
                amount: households - parameters.microBounds.max,
                message: Message.text("planning.deviation.floor_band_too_large", [
                    "building": "\(building)", "households": "\(households)", "max": "\(parameters.microBounds.max)",
                ])
            ))
        }
        let used = (labels.max() ?? -1) + 1
        let centreGraph = DistrictingGraph(weights: atoms.map(\.households), positions: plan.positions, edges: [])
        let order = ReadingOrder.order(Self.centres(labels: labels, count: used, graph: centreGraph))
        var code = Array(repeating: MicroGridID(""), count: used)
        for (rank, label) in order.enumerated() {
            code[label] = MicroGridID("\(grid)-M\(Self.two(rank + 1))")
        }
        for label in 0..<used {
            let weight = (0..<atoms.count).filter { labels[$0] == label }.reduce(0) { $0 + atoms[$1].households }
            if let deviation = check(weight, bounds: parameters.microBounds, rule: .microGridHouseholds,
                                     place: code[label].rawValue) {
                outcome.deviations.append(deviation)
            }
        }
        // Consecutive floor bands of one unit in one micro-grid become one band again.
        var merged: [(atom: DistrictingAtom, label: Int)] = []
        for (index, atom) in atoms.enumerated() {
            if let last = merged.last, last.label == labels[index], last.atom.building == atom.building,
                last.atom.unit == atom.unit, let low = last.atom.floors, let high = atom.floors,
                low.highest + 1 == high.lowest, let band = FloorBand(lowest: low.lowest, highest: high.highest)
            {
                var joined = last.atom
                joined.floors = band
                joined.households += atom.households
                merged[merged.count - 1] = (joined, last.label)
            } else {
                merged.append((atom, labels[index]))
            }
        }
        for (atom, label) in merged {
            let building = context.buildings[atom.building]
            outcome.assignments.append(GridAssignment(
                buildingID: building.id, unit: atom.unit, floors: atom.floors, households: atom.households,
                communityID: community, gridID: grid, microGridID: code[label], kind: building.kind
            ))
        }
    }

    /// The atoms of a grid's buildings, their graph (units of a building chained, atoms of neighbouring buildings
    /// joined) and the buildings whose floor bands still exceed the micro maximum.
    private func microAtoms(nodes: [Int], residential: [Int], graph: DistrictingGraph, splitUnits: Bool) -> (
        atoms: [DistrictingAtom], graph: DistrictingGraph, oversized: [(BuildingID, Int)]
    ) {
        var atoms: [DistrictingAtom] = []
        var atomsOf: [Int: [Int]] = [:]
        var oversized: [(BuildingID, Int)] = []
        for node in nodes {
            let building = context.buildings[residential[node]]
            var maker = AtomMaker(microMaximum: parameters.microBounds.max)
            maker.bandTarget = max(1, parameters.microBounds.min / 3)
            maker.splitKnownUnits = splitUnits
            let made = maker.atoms(of: building, index: residential[node], units: context.units[building.id] ?? [])
            if let households = made.oversized { oversized.append((building.id, households)) }
            atomsOf[node] = Array(atoms.count..<(atoms.count + made.atoms.count))
            atoms += made.atoms
        }
        var edges: [IndexPair] = []
        let inGrid = Set(nodes)
        for node in nodes {
            guard let own = atomsOf[node] else { continue }
            for pair in zip(own, own.dropFirst()) { edges.append(IndexPair(pair.0, pair.1)) }
            for other in graph.neighbours[node] where other > node && inGrid.contains(other) {
                for a in own {
                    for b in atomsOf[other] ?? [] { edges.append(IndexPair(a, b)) }
                }
            }
        }
        // Units of one building sit side by side: a metre apart, so that micro-grids take neighbouring units.
        var positions = atoms.map(\.position)
        for own in atomsOf.values {
            for (offset, atom) in own.enumerated() {
                positions[atom].x += Double(offset)
            }
        }
        let microGraph = DistrictingGraph(weights: atoms.map(\.households), positions: positions, edges: edges)
        return (atoms, microGraph, oversized)
    }

    /// Groups of buildings: the connected pieces of each compound of at most `limit` households, and single
    /// buildings for the rest.
    private func contraction(residential: [Int], graph: DistrictingGraph, limit: Int) -> (
        superOf: [Int], supers: [[Int]]
    ) {
        var superOf = Array(repeating: -1, count: graph.nodeCount)
        var supers: [[Int]] = []
        var byCompound: [CompoundID: [Int]] = [:]
        for node in 0..<graph.nodeCount {
            if let compound = context.buildings[residential[node]].compoundID {
                byCompound[compound, default: []].append(node)
            }
        }
        for compound in byCompound.keys.sorted() {
            guard let nodes = byCompound[compound] else { continue }
            let households = nodes.reduce(0) { $0 + graph.weights[$1] }
            guard households <= limit else { continue }
            let inside = Set(nodes)
            for start in nodes where superOf[start] < 0 {
                var piece = [start]
                superOf[start] = supers.count
                var head = 0
                while head < piece.count {
                    let u = piece[head]
                    head += 1
                    for v in graph.neighbours[u] where inside.contains(v) && superOf[v] < 0 {
                        superOf[v] = supers.count
                        piece.append(v)
                    }
                }
                supers.append(piece)
            }
        }
        for node in 0..<graph.nodeCount where superOf[node] < 0 {
            superOf[node] = supers.count
            supers.append([node])
        }
        return (superOf, supers)
    }

    /// Micro-grids over atoms with the tiny ones merged first: neighbouring atoms of one compound (or building)
    /// under a third of the micro minimum are joined while together under half of it, which keeps the search and
    /// the cluster enumeration small on streets of one-household houses; the labels are expanded back to atoms.
    private func solveCoarsened(_ graph: DistrictingGraph, atoms: [DistrictingAtom], parts: Int,
                                heavy: Bool = false) -> (
        part: [Int], violation: Int
    ) {
        let small = max(1, parameters.microBounds.min / 3)
        let cap = max(small, parameters.microBounds.min / 2)
        var sets = UnionFind(count: graph.nodeCount)
        var weight = graph.weights
        func group(_ atom: Int) -> String {
            let building = context.buildings[atoms[atom].building]
            return building.compoundID?.rawValue ?? "building:\(building.id)"
        }
        let positions = graph.positions ?? []
        var changed = true
        while changed {
            changed = false
            let order = (0..<graph.nodeCount).sorted { (weight[sets.find($0)], $0) < (weight[sets.find($1)], $1) }
            for atom in order {
                let a = sets.find(atom)
                guard weight[a] < small else { continue }
                var best: (distance: Double, weight: Int, root: Int)?
                for next in graph.neighbours[atom] where group(next) == group(atom) {
                    let b = sets.find(next)
                    guard b != a, weight[a] + weight[b] <= cap else { continue }
                    let distance = positions.isEmpty ? 0 : positions[atom].distance(to: positions[next])
                    if best == nil || (distance, weight[b], b) < (best?.distance ?? 0, best?.weight ?? 0, best?.root ?? 0) {
                        best = (distance, weight[b], b)
                    }
                }
                guard let best else { continue }
                let (low, high) = a < best.root ? (a, best.root) : (best.root, a)
                sets.unite(low, high)
                weight[low] += weight[high]
                changed = true
            }
        }
        var superOf = Array(repeating: -1, count: graph.nodeCount)
        var supers: [[Int]] = []
        var index: [Int: Int] = [:]
        for atom in 0..<graph.nodeCount {
            let r = sets.find(atom)
            if let known = index[r] {
                superOf[atom] = known
                supers[known].append(atom)
            } else {
                index[r] = supers.count
                superOf[atom] = supers.count
                supers.append([atom])
            }
        }
        let coarse = Self.contract(graph, superOf: superOf, supers: supers)
        let steps = max(1, min(SearchLimits.microStepsPerPart, SearchLimits.microStepBudget / max(parts, 1)))
        let found = solve(coarse, parts: parts, bounds: parameters.microBounds, initial: nil, anchorWeight: 0,
                          starts: heavy ? 1 : SearchLimits.microStarts, steps: steps, escalate: !heavy)
        return ((0..<graph.nodeCount).map { found.part[superOf[$0]] }, found.violation)
    }
}
