import LinearSolver

/// Solves generalized assignment problems with GLPK's branch-and-cut, fed with incumbents by a primal heuristic.
public struct GeneralizedAssignmentSolver: Sendable {
    /// The heuristic that supplies the first incumbent and LP-guided incumbents in the tree; `nil` for plain GLPK.
    public var heuristic: (any AssignmentHeuristic)?
    /// How often (in GLPK heuristic requests, about one per node) the LP-guided heuristic runs.
    public var heuristicInterval: Int

    /// Creates a solver.
    public init(heuristic: (any AssignmentHeuristic)? = RegretGreedyHeuristic(), heuristicInterval: Int = 50) {
        self.heuristic = heuristic
        self.heuristicInterval = heuristicInterval
    }

    /// Solves `problem` as a minimisation or maximisation within `timeLimit` seconds (`nil` for none).
    ///
    /// The returned assignment is checked against the raw data. When GLPK ends without a solution but the heuristic
    /// found one, that one is returned as `feasible`.
    /// - Throws: ``GridPlanningError/solver(_:)`` when an option is invalid (e.g. a negative time limit).
    public func solve(
        _ problem: GeneralizedAssignmentProblem,
        sense: ObjectiveSense,
        timeLimit: Double? = nil,
        relativeGap: Double = 0
    ) throws(GridPlanningError) -> GeneralizedAssignmentResult {
        if let timeLimit, !(timeLimit.isFinite && timeLimit >= 0) {
            throw .solver(.invalidOption(name: "timeLimit", reason: "\(timeLimit) s; expected a finite number ≥ 0"))
        }
        let model = problem.linearModel(sense: sense)
        var options = SolveOptions(timeLimit: timeLimit, relativeGap: relativeGap)
        let clock = ContinuousClock.now
        var start: [Int]?
        if let heuristic {
            start = heuristic.initialAssignment(for: problem, sense: sense)
            options.startSolution = start.map { problem.modelValues(for: $0) }
            options.heuristicInterval = max(1, heuristicInterval)
            options.heuristic = { request in
                let incumbent = request.incumbent.map { problem.assignment(fromModelValues: $0).compactMap { $0 } }
                return heuristic.guidedAssignment(
                    for: problem,
                    sense: sense,
                    relaxation: request.relaxationValues,
                    incumbent: incumbent?.count == problem.jobCount ? incumbent : nil
                ).map { problem.modelValues(for: $0) }
            }
        }
        if let timeLimit, timeLimit.isFinite {
            // The construction ran before the solver's own clock started.
            options.timeLimit = max(0, timeLimit - Self.seconds(since: clock))
        }
        let result: SolveResult
        do {
            result = try GLPKSolver().solve(model, options: options)
        } catch {
            throw .solver(error)
        }
        let seconds = Self.seconds(since: clock)
        var status = result.status
        var bound = result.status == .optimal ? result.objective : result.bound
        var assignment: [Int?] = result.hasSolution ? problem.assignment(fromModelValues: result.values) : []
        if !result.hasSolution, let start, [.noSolution, .feasible].contains(result.status) {
            assignment = start
            status = .feasible
        }
        if assignment.isEmpty { bound = status == .noSolution ? bound : nil }
        let check = assignment.isEmpty ? nil : GeneralizedAssignmentCheck(problem: problem, assignment: assignment)
        let objective = check?.objective
        let gap = objective.flatMap { objective in
            bound.map { status == .optimal ? 0 : abs(objective - $0) / max(abs(objective), Double.ulpOfOne) }
        }
        return GeneralizedAssignmentResult(
            name: problem.name,
            sense: sense,
            status: status,
            objective: objective,
            bound: bound,
            gap: gap,
            seconds: seconds,
            nodes: result.nodes,
            assignment: assignment.compactMap { $0 }.count == problem.jobCount ? assignment.compactMap { $0 } : [],
            check: check
        )
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
