import Foundation
import PlanningSupport

/// Partitions a graph into connected parts within weight bounds: seeded spanning-tree construction, then
/// contiguity-keeping local search, then (for cut edges on small graphs) an exact GLPK model started from the best
/// heuristic partition.
///
/// The heuristic work is fixed by counts, not by the clock, so equal inputs give equal partitions; the time limit
/// only cuts the exact stage short (and reports its bound).
public struct PartitionSolver: Sendable {
    /// Settings of one run.
    public struct Options: Sendable, Hashable {
        /// Wall-clock limit in seconds for the whole run.
        public var timeLimit: Double
        /// The seed of every random choice.
        public var seed: UInt64
        /// Independent heuristic starts.
        public var starts: Int
        /// ReCom steps per start, per part.
        public var recomStepsPerPart: Int
        /// Run the exact model on graphs up to this many nodes (0: never).
        public var exactNodeLimit: Int
        /// Stop a start's local search after this many ReCom steps in a row without improvement (nil: never).
        public var patience: Int?
        /// Spanning trees a start may draw per part while looking for a first valid partition.
        public var treesPerPart: Int

        /// Options with the defaults used by `wangge districts`.
        public init(timeLimit: Double = 60, seed: UInt64 = 1, starts: Int = 8, recomStepsPerPart: Int = 150,
                    exactNodeLimit: Int = 150, patience: Int? = nil, treesPerPart: Int = 400) {
            self.patience = patience
            self.treesPerPart = treesPerPart
            self.timeLimit = timeLimit
            self.seed = seed
            self.starts = starts
            self.recomStepsPerPart = recomStepsPerPart
            self.exactNodeLimit = exactNodeLimit
        }
    }

    /// The settings.
    public var options: Options

    /// A solver with `options`.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// The best partition found for `request`, never nothing: when no valid partition is found the nearest one is
    /// returned with its deviations.
    public func solve(_ request: DistrictingRequest) throws(DistrictingError) -> DistrictingResult {
        try request.validate()
        let start = Date()
        let deadline = Deadline(seconds: options.timeLimit, from: start)
        let graph = request.graph
        var heuristic = heuristicPartition(request, deadline: deadline)
        var status: DistrictingResult.Status = heuristic.violation == 0 ? .feasible : .deviation
        var bound: Double?
        var method = "heuristic"
        if request.objective == .cutEdges, graph.nodeCount <= options.exactNodeLimit, request.parts > 1,
            !deadline.passed
        {
            let incumbent = heuristic.violation == 0 ? heuristic.part : nil
            let (exact, exactMethod) = Self.exactCutEdges(request, incumbent: incumbent, deadline: deadline)
            bound = exact.bound
            if let part = exact.part,
                graph.cutEdges(part) < Int(heuristic.objective.rounded()) || heuristic.violation > 0
            {
                heuristic = (part, 0, Double(graph.cutEdges(part)))
                method = exactMethod
            }
            if exact.provenOptimal && heuristic.violation == 0 {
                status = .optimal
                bound = heuristic.objective
            } else if exact.provenInfeasible {
                status = .infeasible
                bound = nil
            }
        }
        let canonical = Self.canonical(heuristic.part, parts: request.parts)
        let weights = Self.partWeights(canonical, graph: graph, parts: request.parts)
        if status == .feasible, let known = bound, known >= heuristic.objective - 1e-6 {
            status = .optimal
        }
        return DistrictingResult(
            status: status, parts: canonical, partCount: request.parts, objective: heuristic.objective, bound: bound,
            seconds: Date().timeIntervalSince(start), partWeights: weights,
            deviations: Self.deviations(canonical, request: request, weights: weights), method: method
        )
    }

    /// The exact stage for cut edges, from `incumbent` (a valid partition, if known): the part enumeration
    /// (`CutEdgeEnumeration`) on graphs under 128 nodes, then, if it ran out of time, the GLPK model
    /// (`CutEdgeModel`) with what is left. Without an incumbent the enumeration gets half the time, because the MIP
    /// may find a first valid partition sooner (the enumeration finds one only when it proves it optimal).
    static func exactCutEdges(
        _ request: DistrictingRequest, incumbent: [Int]?, deadline: Deadline
    ) -> (outcome: CutEdgeModel.Outcome, method: String) {
        let graph = request.graph
        var bound: Double?
        if let search = CutEdgeEnumeration(request: request) {
            let share = incumbent == nil ? Deadline(seconds: deadline.remaining / 2) : deadline
            let found = search.solve(upper: incumbent.map { graph.cutEdges($0) }, deadline: share)
            if found.finished {
                guard let part = found.part ?? incumbent else {
                    return (.init(part: nil, bound: nil, provenOptimal: false, provenInfeasible: true), "enumeration")
                }
                let value = Double(graph.cutEdges(part))
                return (.init(part: part, bound: value, provenOptimal: true, provenInfeasible: false), "enumeration")
            }
            bound = Double(found.bound)
        }
        guard !deadline.passed else {
            return (.init(part: nil, bound: bound, provenOptimal: false, provenInfeasible: false), "enumeration")
        }
        var outcome = CutEdgeModel(request: request).solve(incumbent: incumbent, seconds: max(0.1, deadline.remaining))
        if let known = bound {
            outcome.bound = max(outcome.bound ?? known, known)
        }
        return (outcome, "mip")
    }

    /// The best heuristic partition: (part per node, total bound violation, objective).
    ///
    /// `initial` (a labelling with `request.parts` labels, e.g. the current plan) is polished as the first start;
    /// `anchorWeight` > 0 adds the stability term (weight of nodes leaving their `initial` part) to the objective.
    func heuristicPartition(
        _ request: DistrictingRequest, deadline: Deadline, initial: [Int]? = nil, anchorWeight: Double = 0
    ) -> (part: [Int], violation: Int, objective: Double) {
        let graph = request.graph
        let shares = Self.partShares(request)
        var best: (part: [Int], violation: Int, objective: Double)?
        let validInitial = initial.flatMap { labels -> [Int]? in
            guard labels.count == graph.nodeCount, labels.allSatisfy({ $0 >= 0 && $0 < request.parts }) else {
                return nil
            }
            return (0..<request.parts).allSatisfy { graph.isConnected(part: $0, in: labels) } ? labels : nil
        }
        if let validInitial {
            var search = PartitionLocalSearch(
                graph: graph, bounds: request.bounds, objective: request.objective, parts: request.parts,
                part: validInitial, seed: options.seed ^ 0x1F1F
            )
            search.anchor = validInitial
            search.anchorWeight = anchorWeight
            search.improve(recomSteps: options.recomStepsPerPart * request.parts, deadline: deadline,
                           patience: options.patience)
            best = (search.part, search.violation, search.objectiveValue)
        }
        for attempt in 0..<max(1, options.starts) {
            if attempt > 0 && deadline.passed { break }
            let seed = options.seed &* 0x9E37_79B9 &+ UInt64(attempt)
            var builder = TreeBisection(graph: graph, bounds: request.bounds, seed: seed,
                                        budget: options.treesPerPart * request.parts + 200)
            builder.deadline = deadline
            var part = Array(repeating: 0, count: graph.nodeCount)
            var label = 0
            for (component, share) in shares {
                let pieces = builder.partition(component, parts: share)
                    ?? builder.nearestPartition(component, parts: share, trees: 40)
                for piece in pieces {
                    for node in piece {
                        part[node] = label
                    }
                    label += 1
                }
            }
            var search = PartitionLocalSearch(
                graph: graph, bounds: request.bounds, objective: request.objective, parts: max(label, 1),
                part: part, seed: seed ^ 0xA5A5
            )
            if let validInitial {
                search.anchor = validInitial
                search.anchorWeight = anchorWeight
            }
            search.improve(recomSteps: options.recomStepsPerPart * request.parts, deadline: deadline,
                           patience: options.patience)
            let candidate = (search.part, search.violation, search.objectiveValue)
            if let current = best, (current.violation, current.objective) <= (candidate.1, candidate.2) { continue }
            best = candidate
        }
        return best ?? (Array(repeating: 0, count: graph.nodeCount), 0, 0)
    }

    /// How many parts each connected component gets: proportional to weight, at least one each, as feasible as the
    /// bounds allow, at most the component's node count.
    static func partShares(_ request: DistrictingRequest) -> [(nodes: [Int], parts: Int)] {
        let components = request.graph.components
        guard components.count > 1 else { return components.map { ($0, request.parts) } }
        let weights = components.map { $0.reduce(0) { $0 + request.graph.weights[$1] } }
        var shares = Array(repeating: 1, count: components.count)
        var left = request.parts - components.count
        // Hand out the remaining parts one at a time to the component that misses its bounds the most.
        while left > 0 {
            var pick: Int?
            var worst = Int.min
            for index in components.indices where shares[index] < components[index].count {
                let perPart = weights[index] / shares[index]
                let score = perPart - request.bounds.max
                if score > worst {
                    worst = score
                    pick = index
                }
            }
            guard let pick else { break }
            shares[pick] += 1
            left -= 1
        }
        return zip(components, shares).map { ($0, $1) }
    }

    /// Renumbers parts in order of their smallest node.
    static func canonical(_ part: [Int], parts: Int) -> [Int] {
        var map: [Int: Int] = [:]
        return part.map { label in
            if let known = map[label] { return known }
            let next = map.count
            map[label] = next
            return next
        }
    }

    static func partWeights(_ part: [Int], graph: DistrictingGraph, parts: Int) -> [Int] {
        var weights = Array(repeating: 0, count: max(parts, (part.max() ?? -1) + 1))
        for (node, label) in part.enumerated() {
            weights[label] += graph.weights[node]
        }
        return weights
    }

    static func deviations(_ part: [Int], request: DistrictingRequest, weights: [Int]) -> [DistrictingDeviation] {
        var result: [DistrictingDeviation] = []
        let used = Set(part).count
        if used != request.parts {
            result.append(DistrictingDeviation(
                kind: .partCount, part: nil, value: used, amount: abs(request.parts - used),
                message: "\(used) parts instead of \(request.parts): the graph has \(request.graph.nodeCount) nodes in "
                    + "\(request.graph.components.count) connected pieces"
            ))
        }
        for (label, weight) in weights.enumerated() {
            if weight < request.bounds.min {
                result.append(DistrictingDeviation(
                    kind: .belowMinimum, part: label, value: weight, amount: request.bounds.min - weight,
                    message: "part \(label) holds \(weight), \(request.bounds.min - weight) below the minimum "
                        + "\(request.bounds.min)"
                ))
            } else if weight > request.bounds.max {
                result.append(DistrictingDeviation(
                    kind: .aboveMaximum, part: label, value: weight, amount: weight - request.bounds.max,
                    message: "part \(label) holds \(weight), \(weight - request.bounds.max) above the maximum "
                        + "\(request.bounds.max)"
                ))
            }
        }
        for label in 0..<used where !request.graph.isConnected(part: label, in: part) {
            result.append(DistrictingDeviation(
                kind: .disconnected, part: label, value: 0, amount: 1,
                message: "part \(label) is not connected"
            ))
        }
        return result
    }
}
