import LinearSolver

/// The outcome of solving one generalized assignment problem, with an independent check of the assignment.
public struct GeneralizedAssignmentResult: Sendable, Equatable {
    /// The problem's name.
    public let name: String
    /// Minimised or maximised.
    public let sense: ObjectiveSense
    /// How the solve ended.
    public let status: SolveStatus
    /// The best assignment's objective, recomputed from the data.
    public let objective: Double?
    /// The best proven bound on the optimum.
    public let bound: Double?
    /// The relative gap between objective and bound (0.005 = 0.5 %).
    public let gap: Double?
    /// Wall-clock seconds.
    public let seconds: Double
    /// Branch-and-bound nodes explored.
    public let nodes: Int
    /// The agent of each job in the best assignment; empty when there is none.
    public let assignment: [Int]
    /// The check of that assignment against the raw data; `nil` when there is none.
    public let check: GeneralizedAssignmentCheck?
}
