import GridModel
import LinearSolver

/// Errors of the generalized assignment solver.
public enum GeneralizedAssignmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The problem's data are inconsistent (row lengths, non-finite or negative numbers): bad input.
    case invalidProblem(name: String, reason: String)
    /// The solver refused an option or the model built from the problem.
    case solver(LinearSolverError)

    /// A one-line message naming the problem or the solver's complaint.
    public var description: String {
        switch self {
        case let .invalidProblem(name, reason):
            return Message.text("planning.error.invalid_problem", ["name": name, "reason": reason])
        case let .solver(error): return Message.text("planning.error.solver", ["error": "\(error)"])
        }
    }
}
