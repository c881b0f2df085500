import GridModel

/// Errors of the generator: a request it cannot honour.
public enum GridSynthesisError: Error, Equatable, CustomStringConvertible {
    /// A parameter outside what the generator can build, with what was expected.
    case invalidParameter(name: String, value: String, expected: String)
    /// A file of the generated street or city could not be written, with the system's reason.
    case unwritable(path: String, reason: String)

    /// The message the command line prints.
    public var description: String {
        switch self {
        case .invalidParameter(let name, let value, let expected):
            return Message.text("planning.error.invalid_parameter", ["name": name, "value": value, "expected": expected])
        case .unwritable(let path, let reason):
            return Message.text("planning.error.unwritable", ["path": path, "reason": reason])
        }
    }
}
