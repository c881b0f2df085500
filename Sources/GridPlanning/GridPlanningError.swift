import LinearSolver

/// Errors of the planning jobs.
public enum GridPlanningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A data file is malformed: names the file, line, column, the value found and what was expected.
    case malformedFile(file: String, line: Int, column: Int, message: String)
    /// A file cannot be read at all.
    case unreadableFile(file: String, reason: String)
    /// A problem's data are inconsistent (shapes, non-finite or negative numbers).
    case invalidProblem(name: String, reason: String)
    /// The solver refused the model built from the problem.
    case solver(LinearSolverError)
    /// A graph file is malformed: the file, the key path of the bad value, the value and what was expected.
    case invalidGraph(file: String, keyPath: String, value: String, expected: String)
    /// A planning request cannot be run as asked (e.g. zero parts, or bounds with min > max).
    case invalidRequest(parameter: String, value: String, expected: String)

    /// A one-line message; file errors read `file:line:column: message`.
    public var description: String {
        switch self {
        case let .malformedFile(file, line, column, message):
            return "\(file):\(line):\(column): \(message)"
        case let .unreadableFile(file, reason):
            return "\(file): \(reason)"
        case let .invalidProblem(name, reason):
            return "problem \(name): \(reason)"
        case let .solver(error):
            return "solver: \(error)"
        case let .invalidGraph(file, keyPath, value, expected):
            return "\(file): \(keyPath): \(value.isEmpty ? "missing" : "'\(value)'"); expected \(expected)"
        case let .invalidRequest(parameter, value, expected):
            return "\(parameter) = \(value); expected \(expected)"
        }
    }
}
