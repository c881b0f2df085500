import GridModel
import LinearSolver

/// Errors of the roster job.
public enum RosteringError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Pinned entries contradict themselves or the week (two pins in one slot, a date outside the week): bad input.
    case invalidPins(parameter: String, value: String, expected: String)
    /// The solver refused a model (an internal error: every model is built from checked data).
    case solver(LinearSolverError)

    /// A one-line message naming what was wrong and what was expected.
    public var description: String {
        switch self {
        case let .invalidPins(parameter, value, expected):
            return Message.text(
                "planning.error.invalid_value", ["parameter": parameter, "value": value, "expected": expected])
        case let .solver(error): return Message.text("planning.error.solver", ["error": "\(error)"])
        }
    }
}
