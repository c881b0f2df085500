/// One problem in a rule file: where it is, what kind of problem, and a message naming the value and what was
/// expected.
public struct RuleProblem: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The kind of problem, stable for tests and tools.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        case unreadable = "unreadable"
        case syntax = "syntax"
        case duplicateKey = "duplicate-key"
        case unknownKey = "unknown-key"
        case missingKey = "missing-key"
        case wrongType = "wrong-type"
        case outOfRange = "out-of-range"
        case contradiction = "contradiction"
        case unknownReference = "unknown-reference"
        case unknownSource = "unknown-source"
        case unknownRule = "unknown-rule"
        case duplicateRule = "duplicate-rule"
        case missingRule = "missing-rule"
    }

    /// Where; line and column are 0 when the problem concerns a whole file or the whole set.
    public var location: SourceLocation
    /// What kind of problem.
    public var code: Code
    /// The message: the value found and what was expected.
    public var message: String

    /// Creates a problem.
    public init(_ code: Code, at location: SourceLocation, _ message: String) {
        self.code = code
        self.location = location
        self.message = message
    }

    /// `file:line:column: error: message [code]`, the form compilers use so that editors can jump to it.
    public var description: String { "\(location): error: \(message) [\(code.rawValue)]" }

    /// Orders by location, then message.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}
