/// What the assignment solves of one week reported, summed over communities.
public struct RosterSolveSummary: Sendable, Hashable, Codable {
    /// The worst status of any community's stage (a): `augmenting_paths` (the default method: exact for the
    /// priority objective, objective and bound = visits assigned), or the LP's `optimal`, `feasible`,
    /// `no_solution`; `none` when there was nothing to assign.
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
        let order = ["none", "optimal", "augmenting_paths", "feasible", "no_solution"]
        if (order.firstIndex(of: other.status) ?? 4) > (order.firstIndex(of: status) ?? 4) { status = other.status }
        objective += other.objective
        bound += other.bound
        models += other.models
        gap = abs(objective - bound) / max(abs(objective), 1e-9)
        if models == 0 { gap = 0 }
    }
}
