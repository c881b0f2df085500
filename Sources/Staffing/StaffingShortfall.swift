import GridModel
import GridRules

/// A rule the plan could not meet for lack of people, stated for one grid, micro-grid, building, person or community.
public struct StaffingShortfall: Hashable, Sendable, Codable {
    /// The unmet rule.
    public var ruleID: RuleID
    /// The community concerned.
    public var communityID: CommunityID? = nil
    /// The grid concerned (a micro-grid's or building's grid too).
    public var gridID: GridID? = nil
    /// The micro-grid concerned.
    public var microGridID: MicroGridID? = nil
    /// The building concerned.
    public var buildingID: BuildingID? = nil
    /// The person concerned (a cadre without a post, a new worker without a mentor).
    public var personID: PersonID? = nil
    /// How many holders (or posts, or departments) are missing.
    public var missing: Int
    /// The shortfall in words, naming the place and the rule.
    public var message: String
}
