import LinearSolver

extension GeneralizedAssignmentProblem {
    /// The textbook model: binary x[agent][job] (agent-major, see ``variableIndex(agent:job:)``), one `assign_j`
    /// equality per job, one `capacity_i` row per agent, objective Σ cost · x.
    /// - Complexity: O(agents × jobs).
    public func linearModel(sense: ObjectiveSense) -> LinearModel {
        var model = LinearModel(name: name, sense: sense)
        model.variables.reserveCapacity(agentCount * jobCount)
        for agent in 0..<agentCount {
            for job in 0..<jobCount {
                model.addVariable("x_\(agent + 1)_\(job + 1)", kind: .binary, objective: cost[agent][job])
            }
        }
        for job in 0..<jobCount {
            let terms = (0..<agentCount).map { LinearTerm(VariableIndex(variableIndex(agent: $0, job: job)), 1) }
            model.addConstraint("assign_\(job + 1)", terms, .equal(1))
        }
        for agent in 0..<agentCount {
            let terms = (0..<jobCount).map {
                LinearTerm(VariableIndex(variableIndex(agent: agent, job: $0)), resource[agent][$0])
            }
            model.addConstraint("capacity_\(agent + 1)", terms, .lessOrEqual(capacity[agent]))
        }
        return model
    }

    /// Model values (one per x[agent][job]) for `assignment` (the agent of each job).
    public func modelValues(for assignment: [Int]) -> [Double] {
        var values = Array(repeating: 0.0, count: agentCount * jobCount)
        for (job, agent) in assignment.enumerated() where (0..<agentCount).contains(agent) && job < jobCount {
            values[variableIndex(agent: agent, job: job)] = 1
        }
        return values
    }

    /// The agent of each job read from model values; `nil` for a job given to no agent or to several.
    public func assignment(fromModelValues values: [Double]) -> [Int?] {
        (0..<jobCount).map { job in
            let agents = (0..<agentCount).filter { agent in
                let index = variableIndex(agent: agent, job: job)
                return index < values.count && values[index] > 0.5
            }
            return agents.count == 1 ? agents[0] : nil
        }
    }
}
