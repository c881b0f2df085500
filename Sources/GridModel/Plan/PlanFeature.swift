/// One grid or micro-grid as a map feature: its polygons in planar metres, its label's place and the properties
/// grids.geojson carries.
public struct PlanFeature: Sendable, Hashable {
    /// `grid` or `micro_grid`.
    public var level: String
    /// The grid or micro-grid id.
    public var id: String
    public var communityID: CommunityID
    /// The grid (itself for a grid, its parent for a micro-grid).
    public var gridID: GridID
    /// `residential` for ordinary grids; the building kind for a special grid.
    public var kind: BuildingKind
    public var households: Int
    public var buildings: Int
    /// Polygons in the street's planar metres, each its outer ring then its holes (rings not closed; the writer
    /// orients outer rings counter-clockwise and holes clockwise).
    public var polygons: [[[PlanarPoint]]]
    /// Household-weighted centre of its buildings (where the map puts its label).
    public var centre: PlanarPoint

    /// A feature with every field given.
    public init(
        level: String, id: String, communityID: CommunityID, gridID: GridID, kind: BuildingKind, households: Int,
        buildings: Int, polygons: [[[PlanarPoint]]], centre: PlanarPoint
    ) {
        self.level = level
        self.id = id
        self.communityID = communityID
        self.gridID = gridID
        self.kind = kind
        self.households = households
        self.buildings = buildings
        self.polygons = polygons
        self.centre = centre
    }
}
