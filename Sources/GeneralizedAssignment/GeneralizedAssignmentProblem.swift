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
        guard agents > 0 else { throw fail("no agents; expected at least one") }
        guard cost.count == agents, resource.count == agents else {
            throw fail("\(cost.count) cost rows and \(resource.count) resource rows; expected \(agents) each")
        }
        let jobs = cost[0].count
        guard jobs > 0 else { throw fail("no jobs; expected at least one") }
        for agent in 0..<agents {
            guard cost[agent].count == jobs, resource[agent].count == jobs else {
                throw fail("agent \(agent) has \(cost[agent].count) costs and \(resource[agent].count) resource uses; "
                    + "expected \(jobs) each")
            }
            for job in 0..<jobs {
                guard cost[agent][job].isFinite else {
                    throw fail("cost[\(agent)][\(job)] = \(cost[agent][job]); expected a finite number")
                }
                guard resource[agent][job].isFinite, resource[agent][job] >= 0 else {
                    throw fail("resource[\(agent)][\(job)] = \(resource[agent][job]); expected a finite number ≥ 0")
                }
            }
            guard capacity[agent].isFinite, capacity[agent] >= 0 else {
                throw fail("capacity[\(agent)] = \(capacity[agent]); expected a finite number ≥ 0")
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
