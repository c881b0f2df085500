/// Errors of the generator: a request it cannot honour.
public enum GridSynthesisError: Error, Equatable, CustomStringConvertible {
    /// A parameter outside what the generator can build, with what was expected.
    case invalidParameter(name: String, value: String, expected: String)

    /// The message the command line prints.
    public var description: String {
        switch self {
        case .invalidParameter(let name, let value, let expected):
            return "\(name) = \(value): expected \(expected)"
        }
    }
}
