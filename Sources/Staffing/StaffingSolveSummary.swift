import LinearSolver

/// How the solver problems of one staffing part ended, added up over communities.
public struct StaffingSolveSummary: Hashable, Sendable, Codable {
    /// Problems solved.
    public var problems: Int
    /// The worst status: `optimal` when every problem was proven optimal.
    public var status: String
    /// Sum of the problems' objectives.
    public var objective: Double
    /// Sum of the problems' proven bounds.
    public var bound: Double
    /// The largest relative gap of any problem.
    public var gap: Double

    /// An empty summary (no problem solved yet).
    public init() {
        problems = 0
        status = SolveStatus.optimal.rawValue
        objective = 0
        bound = 0
        gap = 0
    }

    /// Adds one solve result.
    mutating func add(_ result: SolveResult) {
        problems += 1
        objective += result.objective ?? 0
        bound += result.bound ?? result.objective ?? 0
        gap = max(gap, result.gap ?? (result.status == .optimal ? 0 : 1))
        if result.status != .optimal { status = Self.worse(status, result.status.rawValue) }
    }

    /// Adds another summary.
    mutating func add(_ other: StaffingSolveSummary) {
        problems += other.problems
        objective += other.objective
        bound += other.bound
        gap = max(gap, other.gap)
        status = Self.worse(status, other.status)
    }

    /// kpis.json's quality figures: `objective`, `bound` and `gap` (the same names in every job).
    public var qualityFigures: [String: Double] { ["objective": objective, "bound": bound, "gap": gap] }

    private static let order = ["optimal", "feasible", "no_solution", "infeasible", "unbounded"]

    private static func worse(_ lhs: String, _ rhs: String) -> String {
        (order.firstIndex(of: lhs) ?? 0) >= (order.firstIndex(of: rhs) ?? 0) ? lhs : rhs
    }
}
