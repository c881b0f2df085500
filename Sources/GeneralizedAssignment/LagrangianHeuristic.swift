import LinearSolver

/// The fast GAP core: Lagrangian relaxation of the assignment rows (one exact 0-1 knapsack per agent), subgradient
/// steps on the multipliers, each relaxed solution repaired to a feasible one and improved by descent, a tabu search
/// with adaptive overload penalties from the best, and, when a deadline is given, large-neighbourhood search with
/// exact GLPK sub-solves over subsets of agents (``AgentSubsetSearch``). In the tree it offers LP-guided repairs
/// improved by a short tabu search.
///
/// Besides an assignment it reports the best Lagrangian bound, which is at least about the LP bound. Deterministic
/// for a given seed when no deadline is given (the sub-solves, which have no fixed effort, then do not run); with a
/// deadline, how far it gets depends on the machine.
public struct LagrangianHeuristic: AssignmentHeuristic {
    /// The most subgradient steps.
    public var subgradientIterations: Int
    /// The most tabu-search moves without a deadline.
    public var searchMoves: Int
    /// The tabu search stops after this many moves per job without a new best assignment (with or without deadline).
    public var stallMovesPerJob: Int
    /// Tabu-search moves per job after each LP-guided repair in the tree.
    public var guidedMovesPerJob: Int
    /// The seed of the tabu tenures and restarts.
    public var seed: UInt64

    /// Creates the heuristic.
    public init(
        subgradientIterations: Int = 400,
        searchMoves: Int = 20_000,
        stallMovesPerJob: Int = 15,
        guidedMovesPerJob: Int = 2,
        seed: UInt64 = 0x5EED_6A9
    ) {
        self.subgradientIterations = subgradientIterations
        self.searchMoves = searchMoves
        self.stallMovesPerJob = stallMovesPerJob
        self.guidedMovesPerJob = guidedMovesPerJob
        self.seed = seed
    }

    /// The best assignment of ``initialSolution(for:sense:deadline:)`` without a deadline.
    public func initialAssignment(for problem: GeneralizedAssignmentProblem, sense: ObjectiveSense) -> [Int]? {
        initialSolution(for: problem, sense: sense, deadline: nil).assignment
    }

    /// Subgradient optimisation with repair (at most a third of the time), tabu search, then exact sub-solves, until
    /// `deadline`, the effort limits, or a proof that the best assignment is optimal (integer costs and a bound
    /// within 1).
    /// - Complexity: per subgradient step O(agents × jobs × capacity) with integer data, plus the repair; per tabu
    ///   move O(jobs² + jobs × agents).
    public func initialSolution(
        for problem: GeneralizedAssignmentProblem,
        sense: ObjectiveSense,
        deadline: ContinuousClock.Instant?
    ) -> AssignmentHeuristicResult {
        let data = AssignmentData(problem: problem, sense: sense)
        let started = ContinuousClock.now
        var search = PenalizedTabuSearch(data: data, seed: seed)
        let repair = AssignmentRepair(data: data)
        if let greedy = RegretGreedyHeuristic(maximumPasses: 5).initialAssignment(for: problem, sense: sense) {
            search.offer(greedy)
        }
        // The subgradient phase gets at most a third of the time, so the search always has the larger part.
        let subgradientDeadline = deadline.map { started + (($0 - started) / 3) }
        let bound = subgradient(data: data, repair: repair, search: &search, deadline: subgradientDeadline)
        let target = data.integralCosts ? bound.value + 1 - 1e-6 : bound.value
        if search.bestCost > target {
            let start = search.best.isEmpty ? bound.start : search.best
            if let start {
                search.run(
                    from: start,
                    iterations: deadline == nil ? searchMoves : Int.max,
                    stallMoves: max(1, stallMovesPerJob) * data.jobs,
                    deadline: deadline,
                    target: target
                )
            }
        }
        // Exact sub-solves have no fixed effort, so they run only against a deadline (keeping runs without one
        // deterministic).
        // Reduced-cost penalties at the best multipliers tell which pairs no better assignment can use.
        var relaxation = LagrangianRelaxation(data: data)
        let penaltyBound = bound.multipliers.isEmpty
            ? -Double.infinity : relaxation.evaluate(bound.multipliers, penalties: true)
        if let deadline, !search.best.isEmpty, search.bestCost > target {
            var best = search.best
            var neighbourhood = AgentSubsetSearch(data: data, seed: seed)
            if penaltyBound.isFinite {
                neighbourhood.bound = penaltyBound
                neighbourhood.penalty = relaxation.penalty
            }
            neighbourhood.improve(&best, deadline: deadline, target: target)
            search.offer(best)
        }
        var excluded: [Int] = []
        if penaltyBound.isFinite, !search.best.isEmpty {
            // With integer costs a better assignment costs at most best − 1.
            let limit = data.integralCosts ? search.bestCost - 1 + 1e-6 : search.bestCost - 1e-9
            for agent in 0..<data.agents {
                for job in 0..<data.jobs where search.best[job] != agent
                    && penaltyBound + relaxation.penalty[agent * data.jobs + job] > limit
                {
                    excluded.append(problem.variableIndex(agent: agent, job: job))
                }
            }
        }
        let sign = sense == .minimize ? 1.0 : -1.0
        return AssignmentHeuristicResult(
            assignment: search.best.isEmpty ? nil : search.best,
            bound: bound.value.isFinite ? sign * data.tightened(bound.value) : nil,
            excludedVariables: excluded
        )
    }

    /// The LP values rounded where they are nearly integral, the rest placed by regret on cost less a bonus for LP
    /// weight, repaired, improved by descent and a short tabu search; `nil` unless better than the incumbent.
    /// - Complexity: O(jobs² × agents) for the repair plus the tabu moves.
    public func guidedAssignment(
        for problem: GeneralizedAssignmentProblem,
        sense: ObjectiveSense,
        relaxation: [Double],
        incumbent: [Int]?
    ) -> [Int]? {
        let data = AssignmentData(problem: problem, sense: sense)
        guard relaxation.count == data.agents * data.jobs else { return nil }
        var partial = Array(repeating: -1, count: data.jobs)
        for job in 0..<data.jobs {
            for agent in 0..<data.agents where relaxation[agent * data.jobs + job] > 0.99 { partial[job] = agent }
        }
        let spread = (data.cost.max() ?? 0) - (data.cost.min() ?? 0) + 1
        let preference = zip(data.cost, relaxation).map { $0 - spread * $1 }
        var search = PenalizedTabuSearch(data: data, seed: seed)
        if let incumbent { search.offer(incumbent) }
        let incumbentCost = search.bestCost
        guard let repaired = AssignmentRepair(data: data).repair(partial, preference: preference) else { return nil }
        search.offer(repaired)
        let moves = max(0, guidedMovesPerJob) * data.jobs
        if moves > 0 {
            search.run(from: repaired, iterations: moves, stallMoves: moves, deadline: nil, target: -.infinity)
        }
        return search.bestCost < incumbentCost - 1e-9 ? search.best : nil
    }

    /// The best multipliers' bound, with a fallback start for the search when no feasible assignment was found.
    private struct Bound {
        var value: Double
        var start: [Int]?
        var multipliers: [Double] = []
    }

    /// Held–Karp steps `u += λ (upper − L(u)) / ‖g‖² · g` with `g = 1 − Σ_agents x`; λ halves after 20 steps
    /// without a better bound. Each relaxed solution is repaired and offered to the search.
    private func subgradient(
        data: AssignmentData,
        repair: AssignmentRepair,
        search: inout PenalizedTabuSearch,
        deadline: ContinuousClock.Instant?
    ) -> Bound {
        let jobs = data.jobs
        let agents = data.agents
        var relaxation = LagrangianRelaxation(data: data)
        // Start at each job's second-cheapest cost, so every job is wanted by its cheapest agent.
        var multipliers = (0..<jobs).map { job -> Double in
            let costs = (0..<agents).map { data.cost[$0 * jobs + job] }.sorted()
            return costs.count > 1 ? costs[1] : costs[0]
        }
        var best = Bound(value: -.infinity, start: nil)
        var lambda = 2.0
        var sinceBetter = 0
        var subgradient = Array(repeating: 0.0, count: jobs)
        for iteration in 0..<max(0, subgradientIterations) {
            if iteration & 7 == 0, let deadline, ContinuousClock.now >= deadline { break }
            let value = relaxation.evaluate(multipliers)
            if value > best.value + 1e-9 {
                best.value = value
                best.multipliers = multipliers
                sinceBetter = 0
            } else {
                sinceBetter += 1
                if sinceBetter >= 20 {
                    lambda /= 2
                    sinceBetter = 0
                }
            }
            // Keep each job with its cheapest selecting agent; the rest are placed by the repair.
            var partial = Array(repeating: -1, count: jobs)
            var norm = 0.0
            for job in 0..<jobs {
                var count = 0
                for agent in 0..<agents where relaxation.selected[agent * jobs + job] {
                    count += 1
                    if partial[job] < 0 || data.cost[agent * jobs + job] < data.cost[partial[job] * jobs + job] {
                        partial[job] = agent
                    }
                }
                subgradient[job] = Double(1 - count)
                norm += subgradient[job] * subgradient[job]
            }
            // Repairs cost more than a step; after the first steps, every fourth relaxed solution is enough.
            if iteration < 30 || iteration % 4 == 0 {
                if let repaired = repair.repair(partial) {
                    search.offer(repaired)
                } else if best.start == nil {
                    best.start = partial.map { max(0, $0) }
                }
            }
            let target = data.integralCosts ? best.value + 1 - 1e-6 : best.value
            if norm == 0 || search.bestCost <= target || lambda < 1e-3 { break }
            let upper = search.bestCost.isFinite ? search.bestCost : value + max(1, abs(value) * 0.05)
            let step = lambda * max(upper - value, 1e-6) / norm
            for job in 0..<jobs { multipliers[job] += step * subgradient[job] }
        }
        return best
    }
}

