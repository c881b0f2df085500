import LinearSolver

/// A primal heuristic for generalized assignment problems: the solver asks it for a first assignment before the
/// search and for LP-guided assignments at nodes of the search tree, and hands good ones to GLPK as incumbents.
///
/// An assignment is the agent of each job. Returned assignments are checked by the solver before use, so a heuristic
/// may return `nil` or an infeasible one without harm.
public protocol AssignmentHeuristic: Sendable {
    /// An assignment built from the data alone, or `nil` when none was found.
    func initialAssignment(for problem: GeneralizedAssignmentProblem, sense: ObjectiveSense) -> [Int]?

    /// An assignment guided by a node's LP values (`relaxation[problem.variableIndex(agent:job:)]`), or `nil`.
    func guidedAssignment(
        for problem: GeneralizedAssignmentProblem,
        sense: ObjectiveSense,
        relaxation: [Double],
        incumbent: [Int]?
    ) -> [Int]?

    /// A first assignment and, when the heuristic computes one, a bound on the optimum, found before `deadline`
    /// (`nil`: the heuristic's own effort limits apply).
    ///
    /// The default calls ``initialAssignment(for:sense:)`` and reports no bound.
    func initialSolution(
        for problem: GeneralizedAssignmentProblem,
        sense: ObjectiveSense,
        deadline: ContinuousClock.Instant?
    ) -> AssignmentHeuristicResult
}

extension AssignmentHeuristic {
    /// The assignment of ``initialAssignment(for:sense:)`` without a bound.
    public func initialSolution(
        for problem: GeneralizedAssignmentProblem,
        sense: ObjectiveSense,
        deadline: ContinuousClock.Instant?
    ) -> AssignmentHeuristicResult {
        AssignmentHeuristicResult(assignment: initialAssignment(for: problem, sense: sense), bound: nil)
    }
}
