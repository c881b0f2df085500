/// One community's stage-(a) assignment solved two ways by the engine, with the model for other solvers.
public struct RosterModelComparison: Sendable {
    /// The assignment model (integral form: x binary, load segments integer), to write as LP or MPS.
    public var model: LinearModelExport
    /// One-visitor visits in the model.
    public var visits: Int
    /// GLPK's status on the LP (`optimal`, `feasible`, `no_solution`, `failed`).
    public var glpkStatus: String
    /// GLPK's objective, when it found a solution.
    public var glpkObjective: Double?
    /// Seconds of GLPK's solve (model building included).
    public var glpkSeconds: Double
    /// The default method's assignment priced by the same objective.
    public var augmentingObjective: Double
    /// Visits the default method assigned.
    public var augmentingAssigned: Int
    /// Seconds of the default method.
    public var augmentingSeconds: Double
}
