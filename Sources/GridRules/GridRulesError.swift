/// Errors of the rules module: every problem found in a rule set, each with its file, line and column.
///
/// Loading collects all problems rather than stopping at the first, so `wangge rules check` can list them all.
public struct GridRulesError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, sorted by location.
    public var problems: [RuleProblem]

    /// Creates an error from problems (sorted here so that output is deterministic).
    public init(problems: [RuleProblem]) {
        self.problems = problems.sorted()
    }

    /// Creates an error from a single problem.
    public init(_ problem: RuleProblem) {
        self.problems = [problem]
    }

    /// One line per problem.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
