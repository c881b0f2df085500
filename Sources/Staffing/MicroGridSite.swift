import GridModel

/// A micro-grid of the plan: its grid and the buildings it holds rows of.
struct MicroGridSite {
    var id: MicroGridID
    var grid: Int
    var communityID: CommunityID
    var households: Int
    var buildingIDs: Set<BuildingID>
    var points: [PlanarPoint]
}
