/// Where a finding or warning happened: the ids that apply, from the community down to one resident or request.
public struct FindingLocation: Hashable, Sendable {
    public var communityID: CommunityID?
    public var gridID: GridID?
    public var microGridID: MicroGridID?
    public var buildingID: BuildingID?
    public var personID: PersonID?
    public var residentID: ResidentID?
    public var requestID: RequestID?
    /// A place that is none of the above (a file, a compound, a pair of communities).
    public var other: String?

    /// A location with the ids that apply.
    public init(
        communityID: CommunityID? = nil, gridID: GridID? = nil, microGridID: MicroGridID? = nil,
        buildingID: BuildingID? = nil, personID: PersonID? = nil, residentID: ResidentID? = nil,
        requestID: RequestID? = nil, other: String? = nil
    ) {
        self.communityID = communityID
        self.gridID = gridID
        self.microGridID = microGridID
        self.buildingID = buildingID
        self.personID = personID
        self.residentID = residentID
        self.requestID = requestID
        self.other = other
    }

    /// The most specific id given: request, resident, person, building, micro-grid, grid, then the other place.
    public var place: String? {
        requestID?.rawValue ?? residentID?.rawValue ?? personID?.rawValue ?? buildingID?.rawValue
            ?? microGridID?.rawValue ?? gridID?.rawValue ?? other
    }

    /// A number without a needless `.0` (`3`, `2.5`).
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
