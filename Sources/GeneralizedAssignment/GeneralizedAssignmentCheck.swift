import GridModel

/// An independent check of an assignment against the raw data: every job given to exactly one agent, capacities
/// held, and the objective recomputed.
public struct GeneralizedAssignmentCheck: Sendable, Equatable {
    /// The objective recomputed from the data (sum of the chosen costs); `nil` when some job has no agent.
    public let objective: Double?
    /// One line per broken rule; empty when the assignment is feasible.
    public let violations: [String]

    /// Whether every job has one agent and every capacity holds.
    public var isFeasible: Bool { violations.isEmpty }

    /// Checks `assignment` (the agent of each job, `nil` for none or several) against `problem`.
    /// - Complexity: O(agents + jobs).
    public init(problem: GeneralizedAssignmentProblem, assignment: [Int?], tolerance: Double = 1e-9) {
        var violations: [String] = []
        if assignment.count != problem.jobCount {
            violations.append(Message.text(
                "planning.gap.assigned_count", ["count": "\(assignment.count)", "jobs": "\(problem.jobCount)"]))
        }
        var load = Array(repeating: 0.0, count: problem.agentCount)
        var total = 0.0
        var complete = assignment.count == problem.jobCount
        for (job, agent) in assignment.enumerated() where job < problem.jobCount {
            guard let agent, (0..<problem.agentCount).contains(agent) else {
                violations.append(Message.text("planning.gap.job_unassigned", ["job": "\(job)"]))
                complete = false
                continue
            }
            load[agent] += problem.resource[agent][job]
            total += problem.cost[agent][job]
        }
        for agent in 0..<problem.agentCount where load[agent] > problem.capacity[agent] + tolerance {
            violations.append(Message.text("planning.gap.over_capacity", [
                "agent": "\(agent)", "load": "\(load[agent])", "capacity": "\(problem.capacity[agent])",
            ]))
        }
        self.objective = complete ? total : nil
        self.violations = violations
    }
}
