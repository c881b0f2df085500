import GridModel

/// A generalized assignment problem: every job goes to exactly one agent, each agent's resource use stays within its
/// capacity, and the total cost is minimised (or the total profit maximised).
///
/// Staffing (people → grids with workload caps) is this problem; the OR-Library sets check the engine against
/// published optima.
public struct GeneralizedAssignmentProblem: Sendable, Equatable {
    /// A name for reports, e.g. `gap1-0` or `d10100`.
    public let name: String
    /// `cost[agent][job]`: the cost (or profit, when maximising) of giving the job to the agent.
    public let cost: [[Double]]
    /// `resource[agent][job]`: the capacity the job uses when given to the agent.
    public let resource: [[Double]]
    /// `capacity[agent]`: the agent's capacity.
    public let capacity: [Double]

    /// Creates a problem after checking shapes and numbers.
    /// - Throws: ``GeneralizedAssignmentError/invalidProblem(name:reason:)`` when rows differ in length, a number is not
    ///   finite, or a resource use or capacity is negative.
    public init(name: String, cost: [[Double]], resource: [[Double]], capacity: [Double]) throws(GeneralizedAssignmentError) {
        func fail(_ reason: String) -> GeneralizedAssignmentError { .invalidProblem(name: name, reason: reason) }
        let agents = capacity.count
        guard agents > 0 else { throw fail(Message.text("planning.gap.no_agents")) }
        guard cost.count == agents, resource.count == agents else {
            throw fail(Message.text("planning.gap.row_counts", [
                "costs": "\(cost.count)", "resources": "\(resource.count)", "agents": "\(agents)",
            ]))
        }
        let jobs = cost[0].count
        guard jobs > 0 else { throw fail(Message.text("planning.gap.no_jobs")) }
        for agent in 0..<agents {
            guard cost[agent].count == jobs, resource[agent].count == jobs else {
                throw fail(Message.text("planning.gap.agent_row", [
                    "agent": "\(agent)", "costs": "\(cost[agent].count)", "resources": "\(resource[agent].count)",
                    "jobs": "\(jobs)",
                ]))
            }
            for job in 0..<jobs {
                guard cost[agent][job].isFinite else {
                    throw fail(Message.text("planning.gap.cost_not_finite", [
                        "agent": "\(agent)", "job": "\(job)", "value": "\(cost[agent][job])",
                    ]))
                }
                guard resource[agent][job].isFinite, resource[agent][job] >= 0 else {
                    throw fail(Message.text("planning.gap.resource_invalid", [
                        "agent": "\(agent)", "job": "\(job)", "value": "\(resource[agent][job])",
                    ]))
                }
            }
            guard capacity[agent].isFinite, capacity[agent] >= 0 else {
                throw fail(
                    Message.text("planning.gap.capacity_invalid", ["agent": "\(agent)", "value": "\(capacity[agent])"]))
            }
        }
        self.name = name
        self.cost = cost
        self.resource = resource
        self.capacity = capacity
    }

    /// The number of agents (m).
    public var agentCount: Int { capacity.count }
    /// The number of jobs (n).
    public var jobCount: Int { cost.first?.count ?? 0 }

    /// The position of x[agent][job] in ``linearModel(sense:)``: agent-major.
    public func variableIndex(agent: Int, job: Int) -> Int { agent * jobCount + job }
}
