/// How a solve ended.
public enum SolveStatus: String, Sendable, Equatable, Hashable, Codable {
    /// The solution is proven optimal.
    case optimal
    /// A feasible solution was found but not proven optimal (time limit or accepted gap reached).
    case feasible
    /// The model has no feasible solution.
    case infeasible
    /// The objective can improve without limit.
    case unbounded
    /// The time limit ended the solve before any feasible solution was found.
    case noSolution = "no_solution"
}
