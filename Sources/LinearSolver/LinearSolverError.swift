/// Errors of the solver module: a model or option that cannot be given to the solver, or a solver failure.
///
/// Every model is checked in Swift before any GLPK call, because GLPK aborts the whole process on bad arguments.
public enum LinearSolverError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A variable's bounds, kind or objective coefficient is unusable.
    case invalidVariable(index: Int, name: String, reason: String)
    /// A constraint's bounds, coefficients or variable references are unusable.
    case invalidConstraint(index: Int, name: String, reason: String)
    /// A solve option is out of its range.
    case invalidOption(name: String, reason: String)
    /// A starting solution does not fit the model.
    case invalidStartSolution(reason: String)
    /// The model is larger than GLPK can hold.
    case modelTooLarge(reason: String)
    /// A solve was started from inside a heuristic callback of another solve on the same thread.
    case reentrantSolve
    /// GLPK reported a failure that is not a solution status (numerical trouble, invalid basis…).
    case solverFailure(code: Int, reason: String)
    /// Writing an exported model failed.
    case exportFailed(path: String, reason: String)

    /// A one-line message naming the item, its value and what was expected.
    public var description: String {
        switch self {
        case let .invalidVariable(index, name, reason):
            return "variable \(index) \(Self.quoted(name)): \(reason)"
        case let .invalidConstraint(index, name, reason):
            return "constraint \(index) \(Self.quoted(name)): \(reason)"
        case let .invalidOption(name, reason):
            return "solve option \(name): \(reason)"
        case let .invalidStartSolution(reason):
            return "starting solution: \(reason)"
        case let .modelTooLarge(reason):
            return "model too large: \(reason)"
        case .reentrantSolve:
            return "a solve cannot start inside a heuristic callback of another solve on the same thread"
        case let .solverFailure(code, reason):
            return "GLPK failed (code \(code)): \(reason)"
        case let .exportFailed(path, reason):
            return "cannot write \(path): \(reason)"
        }
    }

    private static func quoted(_ name: String) -> String {
        name.isEmpty ? "(unnamed)" : "'\(name)'"
    }
}
