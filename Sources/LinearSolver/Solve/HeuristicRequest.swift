/// What a primal heuristic sees when the branch-and-cut asks it for a solution at a node.
public struct HeuristicRequest: Sendable {
    /// The node's LP relaxation values, indexed by variable position (the model's variables, not presolved ones).
    public let relaxationValues: [Double]
    /// The node's LP objective value.
    public let relaxationObjective: Double
    /// The best integer solution so far, if any (indexed by variable position).
    public let incumbent: [Double]?
    /// Its objective value.
    public let incumbentObjective: Double?
    /// How many heuristic requests came before this one (0 at the root).
    public let callNumber: Int
    /// Seconds since the solve started.
    public let elapsedSeconds: Double
}
