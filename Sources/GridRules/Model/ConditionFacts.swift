import GridModel

/// What is known about a person or resident when a condition is evaluated; nil means unknown.
public struct ConditionFacts: Hashable, Sendable {
    /// The resident's categories.
    public var categories: Set<ResidentCategory>?
    /// Age in whole years.
    public var age: Int?
    /// Whether the person is a party member.
    public var isPartyMember: Bool?
    /// The person's roles.
    public var roles: Set<Role>?
    /// Distance in metres from the person's home to the place served.
    public var distanceMetres: Double?
    /// The person's skills.
    public var skills: Set<Skill>?
    /// Whether the person works in the site served (a special grid's buildings).
    public var worksInSite: Bool?

    /// Creates facts; leave unknown facts nil.
    public init(
        categories: Set<ResidentCategory>? = nil, age: Int? = nil, isPartyMember: Bool? = nil, roles: Set<Role>? = nil,
        distanceMetres: Double? = nil, skills: Set<Skill>? = nil, worksInSite: Bool? = nil
    ) {
        self.worksInSite = worksInSite
        self.categories = categories
        self.age = age
        self.isPartyMember = isPartyMember
        self.roles = roles
        self.distanceMetres = distanceMetres
        self.skills = skills
    }
}
