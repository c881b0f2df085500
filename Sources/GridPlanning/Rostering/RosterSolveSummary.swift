/// What the assignment solves of one week reported, summed over communities.
public struct RosterSolveSummary: Sendable, Hashable, Codable {
    /// The worst status of any community's solve (`optimal`, `feasible`, `no_solution`, `greedy` when the solver
    /// could not be used and the greedy assignment stood, `none` when there was nothing to solve).
    public var status: String
    /// The sum of the communities' objective values.
    public var objective: Double
    /// The sum of the communities' best bounds.
    public var bound: Double
    /// |objective − bound| / max(|objective|, ε).
    public var gap: Double
    /// Models solved.
    public var models: Int

    /// Creates a summary.
    public init(status: String = "none", objective: Double = 0, bound: Double = 0, gap: Double = 0, models: Int = 0) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.models = models
    }

    /// Adds another community's solve.
    mutating func merge(_ other: RosterSolveSummary) {
        let order = ["none", "optimal", "feasible", "greedy", "no_solution"]
        if (order.firstIndex(of: other.status) ?? 4) > (order.firstIndex(of: status) ?? 4) { status = other.status }
        objective += other.objective
        bound += other.bound
        models += other.models
        gap = abs(objective - bound) / max(abs(objective), 1e-9)
        if models == 0 { gap = 0 }
    }
}
