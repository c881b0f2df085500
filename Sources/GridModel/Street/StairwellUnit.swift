/// A stairwell unit (单元) of a building with its households; never split across micro-grids unless it alone
/// exceeds the micro-grid maximum.
public struct StairwellUnit: Hashable, Sendable, Codable {
    public var buildingID: BuildingID
    /// The unit's name within its building (`1`, `2`, `东`…).
    public var name: String
    public var households: Int
    public var floors: Int?

    public init(buildingID: BuildingID, name: String, households: Int, floors: Int? = nil) {
        self.buildingID = buildingID
        self.name = name
        self.households = households
        self.floors = floors
    }
}
