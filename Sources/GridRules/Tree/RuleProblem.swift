/// One problem in a rule file: where it is, what kind of problem, and a message naming the value and what was
/// expected.
public struct RuleProblem: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The kind of problem, stable for tests and tools.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// The file or folder cannot be read.
        case unreadable = "unreadable"
        /// The YAML is malformed.
        case syntax = "syntax"
        /// A key appears twice in one mapping.
        case duplicateKey = "duplicate-key"
        /// A key the schema does not know.
        case unknownKey = "unknown-key"
        /// A required key is absent or empty.
        case missingKey = "missing-key"
        /// A value of the wrong shape or type.
        case wrongType = "wrong-type"
        /// A value outside what is allowed.
        case outOfRange = "out-of-range"
        /// Values that contradict each other.
        case contradiction = "contradiction"
        /// A category, role, skill, compound type or pool that is not declared.
        case unknownReference = "unknown-reference"
        /// A source not listed in sources.yaml.
        case unknownSource = "unknown-source"
        /// An overlay names a rule id that does not exist.
        case unknownRule = "unknown-rule"
        /// A rule id, source or singleton rule type defined twice.
        case duplicateRule = "duplicate-rule"
        /// No rule of a type the jobs need.
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
