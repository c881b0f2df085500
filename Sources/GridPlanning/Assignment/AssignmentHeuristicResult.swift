/// What a heuristic found before the exact search: an assignment and, when it computes one, a proven bound.
public struct AssignmentHeuristicResult: Sendable, Equatable {
    /// The agent of each job, or `nil` when no assignment was found.
    public var assignment: [Int]?
    /// A bound on the optimum in the problem's sense (a lower bound when minimising, an upper bound when
    /// maximising), or `nil`.
    public var bound: Double?

    /// Creates a result.
    public init(assignment: [Int]?, bound: Double?) {
        self.assignment = assignment
        self.bound = bound
    }
}
