import CGLPK

/// The state the branch-and-cut callback works with: it tracks the best bound and node count, offers the starting
/// solution and the heuristic's solutions to GLPK, and keeps Swift errors from ever unwinding through C.
final class GLPKSearchMonitor {
    private let model: LinearModel
    private let startSolution: [Double]?
    private let heuristic: ((HeuristicRequest) -> [Double]?)?
    private let heuristicInterval: Int
    private let nodeLimit: Int?
    private let startTime: ContinuousClock.Instant
    /// Whether the callback problem has the model's columns (presolve off), so values can be exchanged.
    let columnsMatchModel: Bool

    private(set) var bestBound: Double?
    private(set) var nodes = 0
    private(set) var incumbent: [Double]?
    private(set) var incumbentObjective: Double?
    private var heuristicRequests = 0
    private var startOffered = false

    init(model: LinearModel, options: SolveOptions, columnsMatchModel: Bool, startTime: ContinuousClock.Instant) {
        self.model = model
        self.startSolution = options.startSolution
        self.heuristic = options.heuristic
        self.heuristicInterval = options.heuristicInterval
        self.nodeLimit = options.nodeLimit
        self.columnsMatchModel = columnsMatchModel
        self.startTime = startTime
    }

    /// The C entry point GLPK calls; `info` is an unretained pointer to the monitor.
    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info else { return }
        let monitor = Unmanaged<GLPKSearchMonitor>.fromOpaque(info).takeUnretainedValue()
        monitor.handle(tree)
    }

    private func handle(_ tree: OpaquePointer) {
        var active: Int32 = 0
        var current: Int32 = 0
        var total: Int32 = 0
        glp_ios_tree_size(tree, &active, &current, &total)
        nodes = max(nodes, Int(total))
        let reason = glp_ios_reason(tree)
        if let nodeLimit, nodes >= nodeLimit, reason == GLP_ISELECT {
            glp_ios_terminate(tree)
        }
        // The best node is found by a scan of every active node: once per node selected, not on every call, or a
        // tree of thousands of nodes spends its time here.
        if reason == GLP_ISELECT || reason == GLP_IBINGO || bestBound == nil {
            let best = glp_ios_best_node(tree)
            if best != 0 {
                let bound = glp_ios_node_bound(tree, best)
                if bound.isFinite { bestBound = bound }
            }
        }
        switch reason {
        case GLP_IBINGO:
            recordIncumbent(from: tree)
        case GLP_IHEUR:
            offerSolutions(to: tree)
        default:
            break
        }
    }

    private func recordIncumbent(from tree: OpaquePointer) {
        guard columnsMatchModel, let problem = glp_ios_get_prob(tree) else { return }
        guard Int(glp_get_num_cols(problem)) == model.variables.count else { return }
        incumbent = (0..<model.variables.count).map { glp_mip_col_val(problem, Int32($0 + 1)) }
        incumbentObjective = glp_mip_obj_val(problem)
    }

    private func offerSolutions(to tree: OpaquePointer) {
        guard columnsMatchModel, let problem = glp_ios_get_prob(tree) else { return }
        // The callback problem must have exactly the model's columns; cuts add rows only.
        guard Int(glp_get_num_cols(problem)) == model.variables.count else { return }
        if !startOffered {
            startOffered = true
            if let startSolution { offer(startSolution, to: tree) }
        }
        guard let heuristic else { return }
        defer { heuristicRequests += 1 }
        guard heuristicRequests % heuristicInterval == 0 else { return }
        let request = HeuristicRequest(
            relaxationValues: (0..<model.variables.count).map { glp_get_col_prim(problem, Int32($0 + 1)) },
            relaxationObjective: glp_get_obj_val(problem),
            incumbent: incumbent,
            incumbentObjective: incumbentObjective,
            callNumber: heuristicRequests / heuristicInterval,
            elapsedSeconds: Self.seconds(since: startTime)
        )
        if let candidate = heuristic(request) {
            offer(candidate, to: tree)
        }
    }

    /// Hands `candidate` to GLPK if it is feasible and better than the incumbent. GLPK does not check constraints of a
    /// heuristic solution, so everything is checked here.
    private func offer(_ candidate: [Double], to tree: OpaquePointer) {
        guard model.isFeasible(candidate) else { return }
        let values = zip(model.variables, candidate).map { variable, value in
            variable.kind == .continuous ? value : value.rounded()
        }
        guard model.isFeasible(values) else { return }
        let objective = model.objectiveValue(at: values)
        if let incumbentObjective {
            let better = model.sense == .minimize ? objective < incumbentObjective : objective > incumbentObjective
            guard better else { return }
        }
        let accepted = ([0] + values).withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return glp_ios_heur_sol(tree, base) == 0
        }
        if accepted {
            incumbent = values
            incumbentObjective = objective
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
