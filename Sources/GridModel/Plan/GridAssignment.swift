/// One row of a plan's grids.csv: an atom (a whole building, a unit, or a band of floors) placed in a grid
/// and a micro-grid.
public struct GridAssignment: Hashable, Sendable, Codable {
    public var buildingID: BuildingID
    /// The stairwell unit; nil when the whole building is one atom.
    public var unit: String?
    /// A band of whole floors (`1-9`); nil unless a unit was cut.
    public var floors: FloorBand?
    public var households: Int
    public var communityID: CommunityID
    public var gridID: GridID
    public var microGridID: MicroGridID?
    public var kind: BuildingKind

    public init(
        buildingID: BuildingID, unit: String? = nil, floors: FloorBand? = nil, households: Int,
        communityID: CommunityID, gridID: GridID, microGridID: MicroGridID?, kind: BuildingKind = .residential
    ) {
        self.buildingID = buildingID
        self.unit = unit
        self.floors = floors
        self.households = households
        self.communityID = communityID
        self.gridID = gridID
        self.microGridID = microGridID
        self.kind = kind
    }
}
