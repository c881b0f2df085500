import GridModel
import GridRules

/// One row of leaders.csv: a person in a leader post, with why.
public struct LeaderAssignment: Hashable, Sendable {
    /// The post.
    public var role: LeaderRole
    /// The grid of the post (for a building leader: the grid of the building).
    public var gridID: GridID
    /// The micro-grid, for micro-grid leaders (and building leaders when the building has one).
    public var microGridID: MicroGridID?
    /// The building, for building leaders.
    public var buildingID: BuildingID?
    /// The person.
    public var personID: PersonID
    /// Why this person, citing rule ids.
    public var reason: String
    /// The rules the row satisfies.
    public var ruleIDs: [RuleID]
}
