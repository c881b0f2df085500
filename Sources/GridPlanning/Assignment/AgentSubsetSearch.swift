import LinearSolver

/// Large-neighbourhood search with exact sub-solves: all jobs of a few agents are freed and reassigned optimally among
/// those agents by GLPK (a small GAP that branch-and-cut with MIR cuts solves in milliseconds), everything else
/// staying put. Subsets are visited in a seeded order; when a full round brings nothing, subsets grow by one agent
/// (Mitrović-Minić and Punnen, 2009, call this a very large-scale variable neighbourhood search).
struct AgentSubsetSearch {
    let data: AssignmentData
    /// The longest a single sub-solve may take, in seconds.
    var subSolveLimit = 0.5
    private var random: SeededRandom

    init(data: AssignmentData, seed: UInt64) {
        self.data = data
        random = SeededRandom(seed: seed ^ 0xA5A5_5A5A_0F0F_F0F0)
    }

    /// Improves `best` (feasible) until `deadline` or until the best cost reaches `target`; returns the number of
    /// sub-solves that improved it.
    @discardableResult
    mutating func improve(_ best: inout [Int], deadline: ContinuousClock.Instant, target: Double) -> Int {
        let agents = data.agents
        guard agents >= 2, data.isFeasible(best) else { return 0 }
        var bestCost = data.totalCost(best)
        var size = min(agents, 2)
        var improvements = 0
        var roundsWithout = 0
        while ContinuousClock.now < deadline, bestCost > target + 1e-9 {
            // One round: every agent leads one subset, the others drawn at random.
            var improvedThisRound = false
            var leaders = Array(0..<agents)
            leaders.shuffle(using: &random)
            for leader in leaders {
                guard ContinuousClock.now < deadline, bestCost > target + 1e-9 else { break }
                var others = (0..<agents).filter { $0 != leader }
                others.shuffle(using: &random)
                let subset = ([leader] + others.prefix(size - 1)).sorted()
                let remaining = deadline - ContinuousClock.now
                let limit = min(subSolveLimit, Double(remaining.components.seconds)
                    + Double(remaining.components.attoseconds) * 1e-18)
                guard limit > 0.001, let better = solve(subset: subset, current: best, timeLimit: limit) else {
                    continue
                }
                let cost = data.totalCost(better)
                if cost < bestCost - 1e-9, data.isFeasible(better) {
                    best = better
                    bestCost = cost
                    improvements += 1
                    improvedThisRound = true
                }
            }
            debugTrace("round size \(size) improved \(improvedThisRound) best \(bestCost) at \(ContinuousClock.now)")
            if improvedThisRound {
                roundsWithout = 0
            } else {
                roundsWithout += 1
                if size < agents { size += 1 } else if roundsWithout > 1 { return improvements }
            }
        }
        return improvements
    }

    /// The optimal (or, at the limit, best found) reassignment of the subset's jobs among the subset's agents;
    /// `nil` when GLPK found nothing better than the current one.
    private func solve(subset: [Int], current: [Int], timeLimit: Double) -> [Int]? {
        let jobs = (0..<data.jobs).filter { subset.contains(current[$0]) }
        guard !jobs.isEmpty else { return nil }
        let cost = subset.map { agent in jobs.map { data.cost[agent * data.jobs + $0] } }
        let resource = subset.map { agent in jobs.map { data.resource[agent * data.jobs + $0] } }
        let capacity = subset.map { data.capacity[$0] }
        guard let problem = try? GeneralizedAssignmentProblem(
            name: "subset", cost: cost, resource: resource, capacity: capacity
        ) else { return nil }
        let start = jobs.map { job in subset.firstIndex(of: current[job]) ?? 0 }
        var options = SolveOptions(timeLimit: timeLimit)
        options.startSolution = problem.modelValues(for: start)
        let t0 = ContinuousClock.now
        guard let result = try? GLPKSolver().solve(problem.linearModel(sense: .minimize), options: options),
            result.hasSolution
        else { return nil }
        debugTrace("  sub \(subset) jobs \(jobs.count) \(result.status) \(ContinuousClock.now - t0) nodes \(result.nodes)")
        let local = problem.assignment(fromModelValues: result.values)
        var improved = current
        for (position, job) in jobs.enumerated() {
            guard let agent = local[position] else { return nil }
            improved[job] = subset[agent]
        }
        return improved
    }
}
