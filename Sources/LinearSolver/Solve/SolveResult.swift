/// The outcome of a solve: always a status, and the best solution and bound known when it ended.
public struct SolveResult: Sendable, Equatable {
    /// How the solve ended.
    public var status: SolveStatus
    /// The objective of the best solution, when there is one.
    public var objective: Double?
    /// The best proven bound on the optimum (a lower bound when minimising, an upper bound when maximising), when
    /// one is known.
    public var bound: Double?
    /// |objective − bound| / max(|objective|, ε) when both are known; 0 when proven optimal.
    public var gap: Double?
    /// The best solution's values, indexed by variable position; empty when there is none.
    public var values: [Double]
    /// Wall-clock seconds of the solve.
    public var seconds: Double
    /// Branch-and-bound nodes explored (0 for an LP).
    public var nodes: Int
    /// For an LP solved to optimality (a model without integer variables, or a relaxation): each constraint's dual
    /// value, indexed by constraint position, in GLPK's convention (the reduced cost of variable j is
    /// c_j − Σ dual_i · a_ij for the model's own sense). Empty for a MIP and when no optimum was found.
    public var rowDuals: [Double] = []

    /// Creates a result.
    public init(
        status: SolveStatus,
        objective: Double?,
        bound: Double?,
        gap: Double?,
        values: [Double],
        seconds: Double,
        nodes: Int
    ) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.values = values
        self.seconds = seconds
        self.nodes = nodes
    }

    /// Whether a solution is present.
    public var hasSolution: Bool { !values.isEmpty }

    /// The value of `variable` in the best solution, or `nil` when there is none or the index is out of range.
    public func value(_ variable: VariableIndex) -> Double? {
        values.indices.contains(variable.rawValue) ? values[variable.rawValue] : nil
    }

    /// The relative gap between an objective and a bound, as GLPK defines it.
    public static func relativeGap(objective: Double, bound: Double) -> Double {
        abs(objective - bound) / max(abs(objective), Double.ulpOfOne)
    }
}
