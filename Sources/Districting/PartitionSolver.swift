import Foundation
import GridModel
import PlanningSupport

/// Partitions a graph into connected parts within weight bounds: seeded spanning-tree construction, then
/// contiguity-keeping local search, then (for cut edges on small graphs) an exact GLPK model started from the best
/// heuristic partition.
///
/// The heuristic work is fixed by counts, not by the clock, so equal inputs give equal partitions; the time limit
/// cuts the exact or bound stage short (and reports its bound), and the heuristic only when it is too short for it
/// (method `heuristic-cut-short`). A partition from the exact or bound stage replaces the heuristic's only when it is
/// proven optimal (or the heuristic found no valid one), so a run that does not finish its proof returns the
/// heuristic's partition whatever the clock did.
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
        /// Cut edges: run the exact stage on graphs up to this many nodes and the bound stage (spreading-metric LP,
        /// then the MIP) on larger ones; 0: neither (heuristic and the trivial bound k − components only).
        public var exactNodeLimit: Int
        /// Stop a start's local search after this many ReCom steps in a row without improvement (nil: never).
        public var patience: Int?
        /// Spanning trees a start may draw per part while looking for a first valid partition.
        public var treesPerPart: Int

        /// Options with the defaults used by `wangge districts`.
        public init(timeLimit: Double = 60, seed: UInt64 = 1, starts: Int = 8, recomStepsPerPart: Int = 150,
                    exactNodeLimit: Int = 127, patience: Int? = nil, treesPerPart: Int = 400) {
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
        // The heuristic's work is counted, so its partition is the same on every run, unless the clock stopped it
        // first (a limit too short for the graph): say so, since the partition then depends on the machine.
        let cutShort = deadline.passed
        var status: DistrictingResult.Status = heuristic.violation == 0 ? .feasible : .deviation
        var bound: Double?
        var method = cutShort ? "heuristic-cut-short" : "heuristic"
        if request.objective == .cutEdges {
            bound = Double(Self.trivialCutEdgeBound(request))
            if request.parts > 1, options.exactNodeLimit > 0, !cutShort {
                let incumbent = heuristic.violation == 0 ? heuristic.part : nil
                let stage = graph.nodeCount <= options.exactNodeLimit
                    ? Self.exactCutEdges(request, incumbent: incumbent, deadline: deadline)
                    : Self.boundedCutEdges(request, incumbent: incumbent, deadline: deadline)
                let exact = stage.outcome
                if let exactBound = exact.bound { bound = max(bound ?? 0, exactBound) }
                method = stage.bounding
                // The exact stage's partition depends on when the clock stopped it, so it replaces the heuristic's
                // only when proven optimal, or when the heuristic has no valid partition at all.
                if let part = exact.part, exact.provenOptimal || heuristic.violation > 0,
                    graph.cutEdges(part) < Int(heuristic.objective.rounded()) || heuristic.violation > 0
                {
                    heuristic = (part, 0, Double(graph.cutEdges(part)))
                    method = stage.finder
                    status = .feasible
                }
                if exact.provenOptimal && heuristic.violation == 0 {
                    status = .optimal
                    bound = heuristic.objective
                } else if exact.provenInfeasible {
                    status = .infeasible
                }
            }
        }
        if request.objective == .inertia {
            // Without positions every inertia is 0, and so is the bound.
            bound = 0
            if let inertiaBound = Self.inertiaBound(request, target: heuristic, light: cutShort) {
                bound = inertiaBound
                method += "+centre-relaxation-bound"
            }
        }
        let canonical = Self.canonical(heuristic.part, parts: request.parts)
        let weights = Self.partWeights(canonical, graph: graph, parts: request.parts)
        if status == .feasible, let known = bound, known >= heuristic.objective - 1e-6 {
            status = .optimal
        }
        if let known = bound {
            // A bound on valid partitions; any lower number is one too, so it never exceeds a reported objective
            // (which can be below it only for a partition that misses a rule).
            bound = min(known, heuristic.objective)
        }
        return DistrictingResult(
            status: status, parts: canonical, partCount: request.parts, objective: heuristic.objective, bound: bound,
            seconds: Date().timeIntervalSince(start), partWeights: weights,
            deviations: Self.deviations(canonical, request: request, weights: weights), method: method
        )
    }

    /// A lower bound on the inertia of every partition within the bounds (contiguity dropped): the centre relaxation
    /// of ``PartitionCostBound`` with squared distances, whose best free centre is exactly a part's weighted
    /// centroid; nil without positions or when no partition fits the bounds (the result's status says why). `light`
    /// (the heuristic was cut short by the clock) takes the light effort, to stay near the time limit.
    ///
    /// - Complexity: a fixed count of Lagrangian iterations over a cover of cells (light effort above
    ///   `inertiaStandardEffortNodes` nodes), independent of the clock.
    static func inertiaBound(
        _ request: DistrictingRequest, target: (part: [Int], violation: Int, objective: Double), light: Bool = false
    ) -> Double? {
        guard let positions = request.graph.positions, request.parts >= 1 else { return nil }
        let weights = request.graph.weights.map(Double.init)
        var centres: [PlanarPoint] = []
        if target.violation == 0, target.part.count == positions.count {
            var sums = Array(repeating: (x: 0.0, y: 0.0, w: 0.0), count: request.parts)
            for (node, label) in target.part.enumerated() where label >= 0 && label < request.parts {
                sums[label].x += weights[node] * positions[node].x
                sums[label].y += weights[node] * positions[node].y
                sums[label].w += weights[node]
            }
            centres = sums.filter { $0.w > 0 }.map { PlanarPoint(x: $0.x / $0.w, y: $0.y / $0.w) }
        }
        let bound = PartitionCostBound(
            points: positions, weights: weights, parts: request.parts,
            weightBounds: Double(request.bounds.min)...Double(request.bounds.max), power: .squaredDistance,
            effort: light || request.graph.nodeCount > inertiaStandardEffortNodes ? .light : .standard
        ).solve(target: target.violation == 0 ? target.objective : nil, startingCentres: centres).bound
        return bound.isFinite ? max(0, bound) : nil
    }

    /// Graphs above this many nodes get the bound's light effort.
    static let inertiaStandardEffortNodes = 2_000

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
                message: Message.text("planning.partition.part_count", [
                    "used": "\(used)", "parts": "\(request.parts)", "nodes": "\(request.graph.nodeCount)",
                    "pieces": "\(request.graph.components.count)",
                ])
            ))
        }
        for (label, weight) in weights.enumerated() {
            if weight < request.bounds.min {
                result.append(DistrictingDeviation(
                    kind: .belowMinimum, part: label, value: weight, amount: request.bounds.min - weight,
                    message: Message.text("planning.partition.below_minimum", [
                        "part": "\(label)", "weight": "\(weight)", "amount": "\(request.bounds.min - weight)",
                        "min": "\(request.bounds.min)",
                    ])
                ))
            } else if weight > request.bounds.max {
                result.append(DistrictingDeviation(
                    kind: .aboveMaximum, part: label, value: weight, amount: weight - request.bounds.max,
                    message: Message.text("planning.partition.above_maximum", [
                        "part": "\(label)", "weight": "\(weight)", "amount": "\(weight - request.bounds.max)",
                        "max": "\(request.bounds.max)",
                    ])
                ))
            }
        }
        for label in 0..<used where !request.graph.isConnected(part: label, in: part) {
            result.append(DistrictingDeviation(
                kind: .disconnected, part: label, value: 0, amount: 1,
                message: Message.text("planning.partition.disconnected", ["part": "\(label)"])
            ))
        }
        return result
    }
}
