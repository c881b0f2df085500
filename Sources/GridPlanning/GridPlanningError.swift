/// Errors of the planning jobs.
public enum GridPlanningError: Error, Equatable, CustomStringConvertible {
    /// A graph file is malformed: the file, the key path of the bad value, the value and what was expected.
    case invalidGraph(file: String, keyPath: String, value: String, expected: String)
    /// A planning request cannot be run as asked (e.g. zero parts, or bounds with min > max).
    case invalidRequest(parameter: String, value: String, expected: String)

    public var description: String {
        switch self {
        case let .invalidGraph(file, keyPath, value, expected):
            "\(file): \(keyPath): \(value.isEmpty ? "missing" : "'\(value)'"); expected \(expected)"
        case let .invalidRequest(parameter, value, expected):
            "\(parameter) = \(value); expected \(expected)"
        }
    }
}
