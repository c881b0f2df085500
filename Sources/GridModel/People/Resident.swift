/// A resident the community looks after (residents.csv). Categories are sensitive personal information.
public struct Resident: Hashable, Sendable, Codable {
    public var id: ResidentID
    public var buildingID: BuildingID
    public var categories: [ResidentCategory]
    public var unit: String?
    public var floor: Int?
    public var name: String?
    public var birthYear: Int?
    /// A fixed pairing (结对认亲) that rosters keep.
    public var pairedPersonID: PersonID?
    public var needs: [String]

    public init(
        id: ResidentID, buildingID: BuildingID, categories: [ResidentCategory], unit: String? = nil,
        floor: Int? = nil, name: String? = nil, birthYear: Int? = nil, pairedPersonID: PersonID? = nil,
        needs: [String] = []
    ) {
        self.id = id
        self.buildingID = buildingID
        self.categories = categories
        self.unit = unit
        self.floor = floor
        self.name = name
        self.birthYear = birthYear
        self.pairedPersonID = pairedPersonID
        self.needs = needs
    }
}
