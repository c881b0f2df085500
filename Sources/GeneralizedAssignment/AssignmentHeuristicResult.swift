/// What a heuristic found before the exact search: an assignment and, when it computes one, a proven bound.
public struct AssignmentHeuristicResult: Sendable, Equatable {
    /// The agent of each job, or `nil` when no assignment was found.
    public var assignment: [Int]?
    /// A bound on the optimum in the problem's sense (a lower bound when minimising, an upper bound when
    /// maximising), or `nil`.
    public var bound: Double?

    /// Variables (positions from ``GeneralizedAssignmentProblem/variableIndex(agent:job:)``) that no assignment
    /// strictly better than ``assignment`` uses, so the exact search may fix them to 0; none of them is used by
    /// ``assignment`` itself. Found by Lagrangian reduced-cost tests.
    public var excludedVariables: [Int]

    /// Creates a result.
    public init(assignment: [Int]?, bound: Double?, excludedVariables: [Int] = []) {
        self.assignment = assignment
        self.bound = bound
        self.excludedVariables = excludedVariables
    }
}
