import GridModel
import LinearSolver

/// Solves generalized assignment problems: a primal heuristic (by default the Lagrangian core) runs first within a
/// share of the time limit, then GLPK's branch-and-cut starts from its assignment and keeps asking it for LP-guided
/// incumbents in the tree.
public struct GeneralizedAssignmentSolver: Sendable {
    /// The heuristic that supplies the first incumbent and LP-guided incumbents in the tree; `nil` for plain GLPK.
    public var heuristic: (any AssignmentHeuristic)?
    /// How often (in GLPK heuristic requests, about one per node) the LP-guided heuristic runs.
    public var heuristicInterval: Int
    /// The share of the time limit the first heuristic may use before GLPK starts (0…1); all of it when the rest
    /// would be under 0.3 s.
    public var heuristicShare: Double

    /// Creates a solver.
    public init(
        heuristic: (any AssignmentHeuristic)? = LagrangianHeuristic(),
        heuristicInterval: Int = 50,
        heuristicShare: Double = 0.9
    ) {
        self.heuristic = heuristic
        self.heuristicInterval = heuristicInterval
        self.heuristicShare = heuristicShare
    }

    /// Solves `problem` as a minimisation or maximisation within `timeLimit` seconds overall (`nil` for none),
    /// stopping once the assignment is proven within `relativeGap` of the optimum (0 proves optimality).
    ///
    /// The returned assignment is checked against the raw data. When GLPK ends without a solution but the heuristic
    /// found one, that one is returned as `feasible`. The bound is the better of GLPK's and the heuristic's; when the
    /// heuristic's bound already proves the gap, GLPK does not run.
    /// - Throws: ``GeneralizedAssignmentError/solver(_:)`` when an option is invalid (e.g. a negative time limit).
    public func solve(
        _ problem: GeneralizedAssignmentProblem,
        sense: ObjectiveSense,
        timeLimit: Double? = nil,
        relativeGap: Double = 0
    ) throws(GeneralizedAssignmentError) -> GeneralizedAssignmentResult {
        if let timeLimit, !(timeLimit.isFinite && timeLimit >= 0) {
            throw .solver(.invalidOption(name: "timeLimit", reason: Message.text("planning.gap.time_limit_invalid", ["value": "\(timeLimit)"])))
        }
        guard relativeGap.isFinite, relativeGap >= 0, relativeGap < 1 else {
            throw .solver(.invalidOption(name: "relativeGap", reason: Message.text("planning.gap.gap_invalid", ["value": "\(relativeGap)"])))
        }
        guard heuristicShare.isFinite, (0...1).contains(heuristicShare) else {
            throw .solver(.invalidOption(name: "heuristicShare", reason: Message.text("planning.gap.share_invalid", ["value": "\(heuristicShare)"])))
        }
        var model = problem.linearModel(sense: sense)
        var options = SolveOptions(timeLimit: timeLimit, relativeGap: relativeGap)
        let clock = ContinuousClock.now
        var start: AssignmentHeuristicResult?
        if let heuristic {
            // When GLPK's share would be too short to use, the heuristic gets the whole limit.
            let deadline = timeLimit.map { limit in
                let share = limit * (1 - heuristicShare) < Self.shortestExactSearch
                    ? limit - min(0.05, 0.02 * limit) : limit * heuristicShare
                return clock + .seconds(share)
            }
            let first = heuristic.initialSolution(for: problem, sense: sense, deadline: deadline)
            start = first
            if let assignment = first.assignment,
                GeneralizedAssignmentCheck(problem: problem, assignment: assignment).isFeasible
            {
                let objective = GeneralizedAssignmentCheck(problem: problem, assignment: assignment).objective
                if let objective, let bound = first.bound,
                    Self.relativeGap(objective: objective, bound: bound, sense: sense) <= relativeGap
                {
                    return Self.result(
                        problem, sense: sense, status: objective == bound ? .optimal : .feasible,
                        assignment: assignment, bound: bound, seconds: Self.seconds(since: clock), nodes: 0
                    )
                }
                let values = problem.modelValues(for: assignment)
                options.startSolution = values
                // Every assignment better than the start avoids these pairs, and the start itself is kept, so the
                // restricted model has the same optimum (and its bounds hold for the full problem).
                for index in first.excludedVariables
                where model.variables.indices.contains(index) && values[index] == 0 {
                    model.variables[index].upperBound = 0
                }
            } else {
                start?.assignment = nil
            }
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
            // The heuristic ran before the solver's own clock started. GLPK checks its clock only between steps
            // (root cut rounds took 0.1–0.2 s on 10×100 instances), so it stops a little early and does not start
            // at all when too little time is left.
            let remaining = timeLimit - min(0.05, 0.02 * timeLimit) - Self.seconds(since: clock)
            if remaining < Self.shortestExactSearch, let first = start, let assignment = first.assignment {
                let objective = GeneralizedAssignmentCheck(problem: problem, assignment: assignment).objective
                return Self.result(
                    problem, sense: sense,
                    status: objective != nil && objective == first.bound ? .optimal : .feasible,
                    assignment: assignment, bound: first.bound, seconds: Self.seconds(since: clock), nodes: 0
                )
            }
            options.timeLimit = max(0, remaining)
        }
        let result: SolveResult
        do {
            result = try GLPKSolver().solve(model, options: options)
        } catch {
            throw .solver(error)
        }
        var status = result.status
        var bound = result.status == .optimal ? result.objective : result.bound
        if let heuristicBound = start?.bound, status != .infeasible {
            bound = bound.map { sense == .minimize ? max($0, heuristicBound) : min($0, heuristicBound) }
                ?? heuristicBound
        }
        var assignment: [Int?] = result.hasSolution ? problem.assignment(fromModelValues: result.values) : []
        if !result.hasSolution, let first = start?.assignment, [.noSolution, .feasible].contains(result.status) {
            assignment = first
            status = .feasible
        }
        if assignment.isEmpty { bound = status == .noSolution ? bound : nil }
        let complete = assignment.compactMap { $0 }
        if complete.count == problem.jobCount, let objective = GeneralizedAssignmentCheck(
            problem: problem, assignment: complete
        ).objective, objective == bound {
            status = .optimal
        }
        return Self.result(
            problem, sense: sense, status: status, assignment: assignment, bound: bound,
            seconds: Self.seconds(since: clock), nodes: result.nodes
        )
    }

    /// The least time, in seconds, worth giving GLPK after the heuristic under a time limit.
    private static let shortestExactSearch = 0.3

    private static func result(
        _ problem: GeneralizedAssignmentProblem,
        sense: ObjectiveSense,
        status: SolveStatus,
        assignment: [Int?],
        bound: Double?,
        seconds: Double,
        nodes: Int
    ) -> GeneralizedAssignmentResult {
        let check = assignment.isEmpty ? nil : GeneralizedAssignmentCheck(problem: problem, assignment: assignment)
        let objective = check?.objective
        let gap = objective.flatMap { objective in
            bound.map { status == .optimal ? 0 : abs(objective - $0) / max(abs(objective), Double.ulpOfOne) }
        }
        let complete = assignment.compactMap { $0 }
        return GeneralizedAssignmentResult(
            name: problem.name,
            sense: sense,
            status: status,
            objective: objective,
            bound: status == .optimal ? objective : bound,
            gap: gap,
            seconds: seconds,
            nodes: nodes,
            assignment: complete.count == problem.jobCount ? complete : [],
            check: check
        )
    }

    /// (objective − bound) / |objective| in the direction of `sense`; 0 when the bound meets the objective.
    private static func relativeGap(objective: Double, bound: Double, sense: ObjectiveSense) -> Double {
        let difference = sense == .minimize ? objective - bound : bound - objective
        return max(0, difference) / max(abs(objective), Double.ulpOfOne)
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
