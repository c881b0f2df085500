/// A building (楼栋): the atom of grid drawing unless its stairwell units must be placed apart.
public struct Building: Hashable, Sendable, Codable {
    public var id: BuildingID
    public var communityID: CommunityID
    /// The compound (小区) or site; nil for a lone building.
    public var compoundID: CompoundID?
    /// Occupied households; 0 for a non-residential building.
    public var households: Int
    public var position: PlanarPoint
    public var kind: BuildingKind
    public var compoundType: CompoundType?
    public var floors: Int?
    /// Number of stairwell units (单元) when units.csv does not list them.
    public var unitCount: Int?
    /// The street, in a city folder.
    public var streetID: StreetID?

    public init(
        id: BuildingID, communityID: CommunityID, compoundID: CompoundID? = nil, households: Int,
        position: PlanarPoint, kind: BuildingKind = .residential, compoundType: CompoundType? = nil,
        floors: Int? = nil, unitCount: Int? = nil, streetID: StreetID? = nil
    ) {
        self.id = id
        self.communityID = communityID
        self.compoundID = compoundID
        self.households = households
        self.position = position
        self.kind = kind
        self.compoundType = compoundType
        self.floors = floors
        self.unitCount = unitCount
        self.streetID = streetID
    }
}
