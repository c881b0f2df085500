import GridModel
import LinearSolver

/// Errors of the districting core.
public enum DistrictingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A request cannot be run as asked (zero parts, bounds with min > max, a negative node weight): bad input.
    case invalidRequest(parameter: String, value: String, expected: String)
    /// The solver refused the model built from the request.
    case solver(LinearSolverError)

    /// A one-line message: the parameter, its value and what was expected, or the solver's complaint.
    public var description: String {
        switch self {
        case let .invalidRequest(parameter, value, expected):
            return Message.text(
                "planning.error.invalid_value", ["parameter": parameter, "value": value, "expected": expected])
        case let .solver(error): return Message.text("planning.error.solver", ["error": "\(error)"])
        }
    }
}
