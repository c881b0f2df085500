/// One generalized assignment problem as a benchmark file states it: m agents, n jobs, the cost and resource use of
/// each agent–job pair, and each agent's capacity. The solver checks the numbers when it builds its problem.
public struct GeneralizedAssignmentInstance: Sendable, Hashable {
    /// `gap1-0` for problem 0 of gap1.txt; the file's base name for a single-instance file.
    public var name: String
    /// `cost[agent][job]`.
    public var cost: [[Double]]
    /// `resource[agent][job]`: what the job uses of the agent's capacity.
    public var resource: [[Double]]
    /// `capacity[agent]`.
    public var capacity: [Double]

    /// Agents (rows).
    public var agentCount: Int { capacity.count }
    /// Jobs (columns).
    public var jobCount: Int { cost.first?.count ?? 0 }
}
