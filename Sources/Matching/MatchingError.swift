import GridModel
import LinearSolver

/// Errors of the dispatch job: input it refuses before any model is built, and a solver failure.
public enum MatchingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A value of the problem or the rules that the dispatcher cannot use (a NaN position, a window ending before it
    /// starts, a repeated id): bad input, refused before GLPK sees anything.
    case invalidInput(parameter: String, value: String, expected: String)
    /// The solver refused a model (an internal error: every model is built from checked data).
    case solver(LinearSolverError)

    /// A one-line message naming what was wrong and what was expected.
    public var description: String {
        switch self {
        case let .invalidInput(parameter, value, expected):
            return Message.text(
                "matching.error.invalid_input", ["parameter": parameter, "value": value, "expected": expected])
        case let .solver(error): return Message.text("matching.error.solver", ["error": "\(error)"])
        }
    }
}
