import GridModel

/// A grid of the plan as staffing sees it: its buildings, households and cared-for residents.
struct GridSite {
    var id: GridID
    var communityID: CommunityID
    var households: Int
    /// Buildings with at least one row in the grid, sorted by id.
    var buildingIDs: [BuildingID]
    var points: [PlanarPoint]
    var centroid: PlanarPoint
    /// Residents of the grid's buildings with a category other than `ordinary`.
    var caredResidents: Int
    /// Whether every row of the grid is a non-residential building (a special grid, 专属网格).
    var isSpecial: Bool
}
