import GridModel

/// A post someone holds in a staffing plan (a row of leaders.csv or cadres.csv), as read from `--current`.
public struct StaffingPostRow: Hashable, Sendable {
    /// leaders.csv `role`, or cadres.csv `post`.
    public var role: String
    /// The person holding the post.
    public var personID: PersonID
    /// The grid, when the row names one.
    public var gridID: GridID?
    /// The micro-grid, for micro-grid leaders.
    public var microGridID: MicroGridID?
    /// The building, for building leaders.
    public var buildingID: BuildingID?
}
