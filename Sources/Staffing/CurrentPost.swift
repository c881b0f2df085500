import GridModel

/// A post someone holds today (a row of the current leaders.csv or cadres.csv), used to keep people where they serve.
public struct CurrentPost: Hashable, Sendable, Codable {
    /// `grid_leader`, `grid_worker`, `micro_grid_leader`, `building_leader` or a cadre post id.
    public var role: String
    /// The person.
    public var personID: PersonID
    /// The grid, when the post has one.
    public var gridID: GridID?
    /// The micro-grid, for micro-grid leaders.
    public var microGridID: MicroGridID?
    /// The building, for building leaders.
    public var buildingID: BuildingID?

    /// Creates a current post.
    public init(
        role: String, personID: PersonID, gridID: GridID? = nil, microGridID: MicroGridID? = nil,
        buildingID: BuildingID? = nil
    ) {
        self.role = role
        self.personID = personID
        self.gridID = gridID
        self.microGridID = microGridID
        self.buildingID = buildingID
    }
}
