import LinearSolver

/// A problem in minimisation form on flat agent-major arrays (`value[agent * jobs + job]`), the shape the fast
/// heuristics work on.
struct AssignmentData: Sendable {
    let agents: Int
    let jobs: Int
    /// Costs in minimisation form: profits are negated when maximising.
    let cost: [Double]
    let resource: [Double]
    let capacity: [Double]
    /// Whether every cost is an integer, so that a bound can be rounded up and a gap below 1 proves optimality.
    let integralCosts: Bool
    /// Whether every resource use and capacity is an integer, so that agent knapsacks can be solved exactly.
    let integralResources: Bool
    /// Slack allowed on capacities, as in ``GeneralizedAssignmentCheck``.
    let tolerance = 1e-9

    init(problem: GeneralizedAssignmentProblem, sense: ObjectiveSense) {
        agents = problem.agentCount
        jobs = problem.jobCount
        let sign = sense == .minimize ? 1.0 : -1.0
        cost = problem.cost.flatMap { $0.map { sign * $0 } }
        resource = problem.resource.flatMap { $0 }
        capacity = problem.capacity
        integralCosts = cost.allSatisfy { $0 == $0.rounded() && abs($0) < 1e12 }
        integralResources = (resource + capacity).allSatisfy { $0 == $0.rounded() && $0 < 1e12 }
    }

    /// The total cost of `agentOf` (the agent of each job).
    func totalCost(_ agentOf: [Int]) -> Double {
        var total = 0.0
        for job in 0..<jobs { total += cost[agentOf[job] * jobs + job] }
        return total
    }

    /// Each agent's load under `agentOf`.
    func loads(_ agentOf: [Int]) -> [Double] {
        var load = Array(repeating: 0.0, count: agents)
        for job in 0..<jobs { load[agentOf[job]] += resource[agentOf[job] * jobs + job] }
        return load
    }

    /// Whether `agentOf` holds every capacity.
    func isFeasible(_ agentOf: [Int]) -> Bool {
        guard agentOf.count == jobs, agentOf.allSatisfy({ (0..<agents).contains($0) }) else { return false }
        return zip(loads(agentOf), capacity).allSatisfy { $0 <= $1 + tolerance }
    }

    /// The value to report for a bound computed in minimisation form: rounded up for integer costs, with a small
    /// allowance for floating-point error in the bound's sum.
    func tightened(_ bound: Double) -> Double {
        integralCosts ? (bound - 1e-6).rounded(.up) : bound
    }
}
