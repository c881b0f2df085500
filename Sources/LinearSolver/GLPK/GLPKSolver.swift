import CGLPK

/// Solves ``LinearModel`` values with GLPK (simplex for LPs, branch-and-cut for MIPs).
///
/// Each call validates the model and options in Swift, builds a GLPK problem, solves it and deletes it before
/// returning, all on the calling thread; independent calls on different threads do not interfere.
public struct GLPKSolver: Sendable {
    /// Creates a solver.
    public init() {}

    /// Solves `model` as given (integer and binary variables kept).
    ///
    /// The result always carries a status; on a time limit it carries the best solution and bound found.
    /// - Throws: ``LinearSolverError`` for an invalid model or option, or a GLPK failure that is not a status.
    public func solve(_ model: LinearModel, options: SolveOptions = SolveOptions()) throws(LinearSolverError)
        -> SolveResult
    {
        try run(model, options: options, relaxed: false)
    }

    /// Solves the LP relaxation of `model` (integrality dropped): a bound on the MIP optimum.
    /// - Throws: ``LinearSolverError`` for an invalid model or option, or a GLPK failure that is not a status.
    public func solveRelaxation(_ model: LinearModel, options: SolveOptions = SolveOptions())
        throws(LinearSolverError) -> SolveResult
    {
        try run(model, options: options, relaxed: true)
    }

    private func run(_ model: LinearModel, options: SolveOptions, relaxed: Bool) throws(LinearSolverError)
        -> SolveResult
    {
        try model.validate()
        try options.validate(for: model)
        let start = ContinuousClock.now
        if model.variables.isEmpty {
            return Self.solveEmpty(model, start: start)
        }
        return try GLPKEnvironment.withSession(messageLevel: options.messageLevel) { () throws(LinearSolverError) in
            let problem = GLPKProblem(model: model, relaxed: relaxed)
            return try withExtendedLifetime(problem) { () throws(LinearSolverError) in
                try Self.solve(problem, model: model, options: options, relaxed: relaxed, start: start)
            }
        }
    }

    /// A model without variables: every constraint reads 0.
    /// What a caller hears when GLPK stopped on an internal error instead of ending the process.
    public static let internalErrorReason =
        "GLPK stopped on an internal error (its MIP presolver reduced the model to nothing); the process was kept"

    private static func solveEmpty(_ model: LinearModel, start: ContinuousClock.Instant) -> SolveResult {
        let feasible = model.constraints.allSatisfy { $0.bounds.lower <= 0 && $0.bounds.upper >= 0 }
        return SolveResult(
            status: feasible ? .optimal : .infeasible,
            objective: feasible ? 0 : nil,
            bound: feasible ? 0 : nil,
            gap: feasible ? 0 : nil,
            values: [],
            seconds: GLPKSearchMonitor.seconds(since: start),
            nodes: 0
        )
    }

    private static func remainingMilliseconds(_ options: SolveOptions, start: ContinuousClock.Instant) -> Int32 {
        guard let limit = options.timeLimit else { return Int32.max }
        let remaining = (limit - GLPKSearchMonitor.seconds(since: start)) * 1000
        return Int32(max(0, min(remaining, Double(Int32.max - 1))).rounded(.down))
    }

    private static func solve(
        _ problem: GLPKProblem,
        model: LinearModel,
        options: SolveOptions,
        relaxed: Bool,
        start: ContinuousClock.Instant
    ) throws(LinearSolverError) -> SolveResult {
        func result(
            _ status: SolveStatus,
            objective: Double? = nil,
            bound: Double? = nil,
            values: [Double] = [],
            nodes: Int = 0
        ) -> SolveResult {
            let gap = objective.flatMap { objective in
                bound.map { SolveResult.relativeGap(objective: objective, bound: $0) }
            }
            return SolveResult(
                status: status,
                objective: objective,
                bound: bound,
                gap: status == .optimal ? 0 : gap,
                values: values,
                seconds: GLPKSearchMonitor.seconds(since: start),
                nodes: nodes
            )
        }

        // The LP first, without presolve, so that its outcome is unambiguous and its basis can start the search.
        var simplex = glp_smcp()
        glp_init_smcp(&simplex)
        simplex.msg_lev = GLPKEnvironment.messageLevelCode(options.messageLevel)
        simplex.meth = options.primalSimplex ? GLP_PRIMAL : GLP_DUALP
        simplex.presolve = GLP_OFF
        simplex.tm_lim = remainingMilliseconds(options, start: start)
        let lpCode = glp_simplex(problem.handle, &simplex)
        switch lpCode {
        case 0:
            break
        case GLP_ETMLIM, GLP_EITLIM:
            return result(.noSolution)
        default:
            throw .solverFailure(code: Int(lpCode), reason: "simplex: \(Self.describe(returnCode: lpCode))")
        }
        switch glp_get_status(problem.handle) {
        case GLP_OPT:
            break
        case GLP_NOFEAS:
            return result(.infeasible)
        case GLP_UNBND:
            return result(.unbounded)
        default:
            if glp_get_prim_stat(problem.handle) == GLP_NOFEAS { return result(.infeasible) }
            if glp_get_dual_stat(problem.handle) == GLP_NOFEAS { return result(.unbounded) }
            return result(.noSolution)
        }
        let lpObjective = glp_get_obj_val(problem.handle)
        if relaxed || !model.hasIntegerVariables {
            var optimum = result(.optimal, objective: lpObjective, bound: lpObjective, values: problem.primalValues())
            optimum.rowDuals = problem.rowDuals()
            return optimum
        }

        let usesCallbackSolutions = options.startSolution != nil || options.heuristic != nil
        let monitor = GLPKSearchMonitor(
            model: model,
            options: options,
            columnsMatchModel: !options.presolve || usesCallbackSolutions,
            startTime: start
        )
        var control = glp_iocp()
        glp_init_iocp(&control)
        control.msg_lev = GLPKEnvironment.messageLevelCode(options.messageLevel)
        control.presolve = options.presolve && !usesCallbackSolutions ? GLP_ON : GLP_OFF
        control.tm_lim = remainingMilliseconds(options, start: start)
        control.mip_gap = options.relativeGap
        control.mir_cuts = options.cuts.contains(.mixedIntegerRounding) ? GLP_ON : GLP_OFF
        control.gmi_cuts = options.cuts.contains(.gomory) ? GLP_ON : GLP_OFF
        control.cov_cuts = options.cuts.contains(.cover) ? GLP_ON : GLP_OFF
        control.clq_cuts = options.cuts.contains(.clique) ? GLP_ON : GLP_OFF
        control.br_tech = options.pseudocostBranching ? GLP_BR_PCH : GLP_BR_DTH
        control.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
        control.cb_func = GLPKSearchMonitor.callback
        let mipCode = withExtendedLifetime(monitor) { () -> Int32 in
            control.cb_info = Unmanaged.passUnretained(monitor).toOpaque()
            return wangge_intopt_or_error(problem.handle, &control)
        }
        if mipCode == -1 {
            problem.isReleased = true
            glp_free_env()
            throw .solverFailure(code: -1, reason: Self.internalErrorReason)
        }
        let mipStatus = glp_mip_status(problem.handle)
        let hasSolution = mipStatus == GLP_OPT || mipStatus == GLP_FEAS
        let values = hasSolution ? Self.rounded(problem.integerValues(), model: model) : []
        // Recomputed from the rounded values, so that objective and values agree exactly (no floating-point noise).
        let objective = hasSolution ? model.objectiveValue(at: values) : nil
        let bound = Self.combinedBound(
            lp: lpObjective,
            tree: monitor.bestBound,
            objective: objective,
            model: model
        )
        switch mipCode {
        case 0:
            switch mipStatus {
            case GLP_OPT:
                return result(.optimal, objective: objective, bound: objective, values: values, nodes: monitor.nodes)
            case GLP_NOFEAS:
                return result(.infeasible, nodes: monitor.nodes)
            default:
                return result(hasSolution ? .feasible : .noSolution, objective: objective, bound: bound,
                              values: values, nodes: monitor.nodes)
            }
        case GLP_ETMLIM, GLP_EMIPGAP, GLP_ESTOP:
            if hasSolution, let objective, bound == objective {
                return result(.optimal, objective: objective, bound: bound, values: values, nodes: monitor.nodes)
            }
            return result(hasSolution ? .feasible : .noSolution, objective: objective, bound: bound,
                          values: values, nodes: monitor.nodes)
        case GLP_ENOPFS:
            return result(.infeasible, nodes: monitor.nodes)
        case GLP_ENODFS:
            return result(.unbounded, nodes: monitor.nodes)
        default:
            throw .solverFailure(code: Int(mipCode), reason: "branch-and-cut: \(Self.describe(returnCode: mipCode))")
        }
    }

    /// Integer variables come back from GLPK within its tolerance of an integer; report them exactly.
    private static func rounded(_ values: [Double], model: LinearModel) -> [Double] {
        zip(model.variables, values).map { variable, value in variable.kind == .continuous ? value : value.rounded() }
    }

    /// The best valid bound from the root LP and the tree, never past the incumbent, and rounded to an integer when
    /// the objective can take integer values only.
    private static func combinedBound(lp: Double, tree: Double?, objective: Double?, model: LinearModel) -> Double {
        let minimizing = model.sense == .minimize
        var bound = lp
        if let tree { bound = minimizing ? max(bound, tree) : min(bound, tree) }
        let integralObjective = model.variables.allSatisfy { variable in
            variable.objective == 0
                || (variable.kind != .continuous && variable.objective == variable.objective.rounded())
        }
        if integralObjective {
            bound = minimizing ? (bound - 1e-6).rounded(.up) : (bound + 1e-6).rounded(.down)
        }
        if let objective { bound = minimizing ? min(bound, objective) : max(bound, objective) }
        return bound
    }

    private static func describe(returnCode: Int32) -> String {
        switch returnCode {
        case GLP_EBADB: return "invalid initial basis"
        case GLP_ESING: return "singular basis matrix"
        case GLP_ECOND: return "ill-conditioned basis matrix"
        case GLP_EBOUND: return "invalid bounds"
        case GLP_EFAIL: return "solver failure"
        case GLP_EROOT: return "root LP optimum not provided"
        case GLP_ENOCVG: return "no convergence"
        case GLP_EINSTAB: return "numerical instability"
        default: return "unexpected return code"
        }
    }
}
