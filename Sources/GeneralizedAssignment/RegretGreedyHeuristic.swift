import LinearSolver

/// Martello–Toth regret greedy with overload repair, followed by shift and swap descent.
///
/// Deliberately modest: the staffing work replaces it with a faster core (Lagrangian repair). It works on costs in
/// minimisation form (profits are negated when maximising).
public struct RegretGreedyHeuristic: AssignmentHeuristic {
    /// The most descent passes over all shifts and swaps.
    public var maximumPasses: Int

    /// Creates the heuristic.
    public init(maximumPasses: Int = 50) {
        self.maximumPasses = maximumPasses
    }

    /// The best of four greedy rules (cost, resource, resource share of capacity, cost × share), each improved by
    /// descent.
    /// - Complexity: O(jobs² × agents) per rule.
    public func initialAssignment(for problem: GeneralizedAssignmentProblem, sense: ObjectiveSense) -> [Int]? {
        let work = Workspace(problem: problem, sense: sense)
        let rules: [(Int, Int) -> Double] = [
            { agent, job in work.cost[agent][job] },
            { agent, job in problem.resource[agent][job] },
            { agent, job in problem.resource[agent][job] / max(problem.capacity[agent], 1e-9) },
            { agent, job in
                (work.cost[agent][job] - work.minimumCost + 1) * problem.resource[agent][job]
                    / max(problem.capacity[agent], 1e-9)
            },
        ]
        var best: [Int]?
        var bestCost = Double.infinity
        for rule in rules {
            guard var assignment = work.greedy(desirability: rule) else { continue }
            work.descend(&assignment, maximumPasses: maximumPasses)
            let total = work.totalCost(assignment)
            if total < bestCost {
                best = assignment
                bestCost = total
            }
        }
        return best
    }

    /// A greedy that follows the LP values first and the cost second, improved by descent.
    /// - Complexity: O(jobs² × agents).
    public func guidedAssignment(
        for problem: GeneralizedAssignmentProblem,
        sense: ObjectiveSense,
        relaxation: [Double],
        incumbent: [Int]?
    ) -> [Int]? {
        guard relaxation.count == problem.agentCount * problem.jobCount else { return nil }
        let work = Workspace(problem: problem, sense: sense)
        let weight = work.maximumCost - work.minimumCost + 1
        guard var assignment = work.greedy(desirability: { agent, job in
            work.cost[agent][job] - weight * relaxation[problem.variableIndex(agent: agent, job: job)]
        }) else { return nil }
        work.descend(&assignment, maximumPasses: maximumPasses)
        return assignment
    }
}

/// Costs in minimisation form and the greedy and descent steps over them.
private struct Workspace {
    let problem: GeneralizedAssignmentProblem
    let cost: [[Double]]
    let minimumCost: Double
    let maximumCost: Double
    private let tolerance = 1e-9

    init(problem: GeneralizedAssignmentProblem, sense: ObjectiveSense) {
        self.problem = problem
        cost = sense == .minimize ? problem.cost : problem.cost.map { $0.map { -$0 } }
        minimumCost = cost.joined().min() ?? 0
        maximumCost = cost.joined().max() ?? 0
    }

    func totalCost(_ assignment: [Int]) -> Double {
        assignment.enumerated().reduce(0) { $0 + cost[$1.element][$1.offset] }
    }

    /// Regret greedy: repeatedly place the job whose best feasible agent beats its second best by the most. A job
    /// that fits nowhere goes to the agent with the most room and is repaired afterwards.
    func greedy(desirability: (Int, Int) -> Double) -> [Int]? {
        let agents = problem.agentCount
        let jobs = problem.jobCount
        var residual = problem.capacity
        var agentOf = Array(repeating: -1, count: jobs)
        // Named local functions rather than closures in the call: the call type-checks in milliseconds, not seconds.
        func fits(_ agent: Int, _ job: Int) -> Bool { problem.resource[agent][job] <= residual[agent] + tolerance }
        func roomAfter(_ agent: Int, _ job: Int) -> Double { residual[agent] - problem.resource[agent][job] }
        // Fits nowhere: place it now where it overloads least, before the room runs out further.
        func mostRoom(_ job: Int) -> Int { (0..<agents).max { roomAfter($0, job) < roomAfter($1, job) } ?? 0 }
        func place(_ job: Int, _ agent: Int) {
            agentOf[job] = agent
            residual[agent] -= problem.resource[agent][job]
        }
        RegretPlacement.placeAll(
            Array(0..<jobs), agents: agents, fits: fits, rank: desirability, fallback: mostRoom, place: place)
        return repair(agentOf, residual: residual)
    }

    /// Moves jobs off overloaded agents (cheapest feasible move first), then swaps; `nil` when still overloaded.
    private func repair(_ assignment: [Int], residual: [Double]) -> [Int]? {
        var agentOf = assignment
        var residual = residual
        var rounds = 0
        func firstOverloaded() -> Int? { residual.indices.first { residual[$0] < -tolerance } }
        while rounds < 4 * agentOf.count, let overloaded = firstOverloaded() {
            rounds += 1
            var bestMove: (job: Int, agent: Int, delta: Double)?
            for job in agentOf.indices where agentOf[job] == overloaded {
                for agent in 0..<problem.agentCount where agent != overloaded
                    && problem.resource[agent][job] <= residual[agent] + tolerance
                {
                    let delta = cost[agent][job] - cost[overloaded][job]
                    if bestMove.map({ delta < $0.delta }) ?? true { bestMove = (job, agent, delta) }
                }
            }
            guard let move = bestMove else { return nil }
            agentOf[move.job] = move.agent
            residual[overloaded] += problem.resource[overloaded][move.job]
            residual[move.agent] -= problem.resource[move.agent][move.job]
        }
        return residual.allSatisfy({ $0 >= -tolerance }) ? agentOf : nil
    }

    /// First-improvement descent over shifts (one job to another agent) and swaps (two jobs exchange agents).
    func descend(_ agentOf: inout [Int], maximumPasses: Int) {
        var residual = problem.capacity
        for (job, agent) in agentOf.enumerated() { residual[agent] -= problem.resource[agent][job] }
        let jobs = agentOf.count
        for _ in 0..<maximumPasses {
            var improved = false
            for job in 0..<jobs {
                let current = agentOf[job]
                for agent in 0..<problem.agentCount where agent != current
                    && cost[agent][job] < cost[current][job] - tolerance
                    && problem.resource[agent][job] <= residual[agent] + tolerance
                {
                    residual[current] += problem.resource[current][job]
                    residual[agent] -= problem.resource[agent][job]
                    agentOf[job] = agent
                    improved = true
                    break
                }
            }
            for first in 0..<jobs {
                for second in (first + 1)..<jobs {
                    let a = agentOf[first]
                    let b = agentOf[second]
                    guard a != b else { continue }
                    let delta = cost[b][first] + cost[a][second] - cost[a][first] - cost[b][second]
                    guard delta < -tolerance else { continue }
                    let roomA = residual[a] + problem.resource[a][first] - problem.resource[a][second]
                    let roomB = residual[b] + problem.resource[b][second] - problem.resource[b][first]
                    guard roomA >= -tolerance, roomB >= -tolerance else { continue }
                    residual[a] = roomA
                    residual[b] = roomB
                    agentOf[first] = b
                    agentOf[second] = a
                    improved = true
                }
            }
            if !improved { return }
        }
    }
}
