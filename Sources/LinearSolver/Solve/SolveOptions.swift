/// Settings of one solve.
///
/// Not Sendable: it may carry a heuristic closure, which runs on the solving thread.
public struct SolveOptions {
    /// Wall-clock limit in seconds for the whole solve; `nil` for none. Must be ≥ 0.
    public var timeLimit: Double?
    /// Stop once (|incumbent − bound|) / |incumbent| is at most this; 0 proves optimality. Must be in [0, 1).
    public var relativeGap: Double
    /// Whether GLPK's MIP presolver runs. It is bypassed when a starting solution or heuristic is given, because the
    /// callback problem of a presolved model has different columns than the model.
    public var presolve: Bool
    /// The cut families to generate (MIR and cover by default).
    public var cuts: CutFamilies
    /// Pseudocost branching (otherwise GLPK's Driebeck–Tomlin heuristic).
    public var pseudocostBranching: Bool
    /// Whether GLPK runs its feasibility pump at the root for a first incumbent (deterministic). Where the LP is
    /// nearly integral but a held objective row makes dives fail, it finds in milliseconds what branching took
    /// seconds to find.
    public var feasibilityPump: Bool
    /// Whether the first LP is solved by the primal simplex (otherwise the dual simplex, falling back to the primal).
    /// On the dispatcher's column-generation LPs (10⁴ columns, 2·10³ rows, highly degenerate) glpsol took 0.07 s
    /// with the primal against 0.67 s with the dual; the branch-and-cut's node LPs use the dual either way.
    public var primalSimplex: Bool
    /// Stop the branch-and-cut once this many nodes have been created (`nil`: no limit). Unlike the time limit it
    /// stops at the same point on every run and machine, so results stay byte-identical; the result then reports
    /// `feasible` with its bound, or `noSolution`.
    public var nodeLimit: Int?
    /// A full assignment of every variable to try as the first incumbent; it must satisfy every constraint.
    public var startSolution: [Double]?
    /// A primal heuristic called at nodes of the search tree; it returns values for every variable or `nil`.
    /// Returned values are checked in Swift (bounds, integrality, every constraint) before GLPK sees them.
    public var heuristic: ((HeuristicRequest) -> [Double]?)?
    /// Call the heuristic at every `heuristicInterval`-th heuristic request (1 = every node). Must be ≥ 1.
    public var heuristicInterval: Int
    /// GLPK's terminal output.
    public var messageLevel: MessageLevel

    /// Creates options; the defaults are the measured best for GLPK on assignment models.
    public init(
        timeLimit: Double? = nil,
        relativeGap: Double = 0,
        presolve: Bool = true,
        cuts: CutFamilies = .recommended,
        pseudocostBranching: Bool = true,
        feasibilityPump: Bool = false,
        primalSimplex: Bool = false,
        nodeLimit: Int? = nil,
        startSolution: [Double]? = nil,
        heuristic: ((HeuristicRequest) -> [Double]?)? = nil,
        heuristicInterval: Int = 100,
        messageLevel: MessageLevel = .off
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.cuts = cuts
        self.pseudocostBranching = pseudocostBranching
        self.feasibilityPump = feasibilityPump
        self.primalSimplex = primalSimplex
        self.nodeLimit = nodeLimit
        self.startSolution = startSolution
        self.heuristic = heuristic
        self.heuristicInterval = heuristicInterval
        self.messageLevel = messageLevel
    }

    /// Checks every option against `model`.
    func validate(for model: LinearModel) throws(LinearSolverError) {
        if let timeLimit {
            guard timeLimit.isFinite, timeLimit >= 0 else {
                throw .invalidOption(name: "timeLimit", reason: "\(timeLimit) s; expected a finite number ≥ 0")
            }
        }
        guard relativeGap.isFinite, relativeGap >= 0, relativeGap < 1 else {
            throw .invalidOption(name: "relativeGap", reason: "\(relativeGap); expected a number in [0, 1)")
        }
        if let nodeLimit, nodeLimit < 1 {
            throw .invalidOption(name: "nodeLimit", reason: "\(nodeLimit); expected an integer ≥ 1")
        }
        guard heuristicInterval >= 1 else {
            throw .invalidOption(name: "heuristicInterval", reason: "\(heuristicInterval); expected an integer ≥ 1")
        }
        if let startSolution {
            guard startSolution.count == model.variables.count else {
                throw .invalidStartSolution(
                    reason: "\(startSolution.count) values; expected one per variable (\(model.variables.count))"
                )
            }
            if let bad = startSolution.firstIndex(where: { !$0.isFinite }) {
                throw .invalidStartSolution(reason: "value \(startSolution[bad]) at \(bad); expected a finite number")
            }
        }
    }
}
