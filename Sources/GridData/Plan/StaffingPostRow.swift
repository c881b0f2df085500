import GridModel

/// A post someone holds in a staffing plan (a row of leaders.csv or cadres.csv), as read from `--current`.
public struct StaffingPostRow: Hashable, Sendable {
    /// leaders.csv `role`, or cadres.csv `post`.
    public var role: String
    public var personID: PersonID
    public var gridID: GridID?
    public var microGridID: MicroGridID?
    public var buildingID: BuildingID?
}
