import GridModel

/// One row of reporting.csv: an in-service party member reporting to a community (双报到), placed in a grid.
public struct ReportingPlacement: Hashable, Sendable {
    /// The party member.
    public var personID: PersonID
    /// The community reported to.
    public var communityID: CommunityID
    /// The grid placed in.
    public var gridID: GridID
    /// Why, citing rule ids.
    public var reason: String
}
