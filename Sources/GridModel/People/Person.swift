/// Someone who can hold a post or visit: a worker, cadre, party member, volunteer (people.csv).
public struct Person: Hashable, Sendable, Codable {
    public var id: PersonID
    public var name: String
    public var roles: Set<Role>
    public var departmentID: DepartmentID?
    public var isPartyMember: Bool
    public var home: HomeLocation?
    /// The community the person serves or reported to, when fixed.
    public var communityID: CommunityID?
    public var hoursPerWeek: Double?
    public var skills: [Skill]
    /// Weekly slots; nil means the rules' default slots.
    public var availability: [WeeklySlot]?
    public var phone: String?
    public var birthYear: Int?
    /// Where the person works (an office tower, a market, a school): special grids of that site are staffed from
    /// the people working in it.
    public var workBuildingID: BuildingID?

    public init(
        id: PersonID, name: String, roles: Set<Role>, departmentID: DepartmentID? = nil, isPartyMember: Bool = false,
        home: HomeLocation? = nil, communityID: CommunityID? = nil, hoursPerWeek: Double? = nil, skills: [Skill] = [],
        availability: [WeeklySlot]? = nil, phone: String? = nil, birthYear: Int? = nil,
        workBuildingID: BuildingID? = nil
    ) {
        self.workBuildingID = workBuildingID
        self.id = id
        self.name = name
        self.roles = roles
        self.departmentID = departmentID
        self.isPartyMember = isPartyMember
        self.home = home
        self.communityID = communityID
        self.hoursPerWeek = hoursPerWeek
        self.skills = skills
        self.availability = availability
        self.phone = phone
        self.birthYear = birthYear
    }
}
