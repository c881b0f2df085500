/// A rule a plan did not meet: which rule, how binding, where, by how much and why, in words.
///
/// Every job reports what it could not meet through this one type: a grid outside its household bounds, a post left
/// empty, a visit left out, a request nobody could take. kpis.json lists findings with the spec's keys (`rule_id`,
/// `level`, `community_id`, `place`, `amount`, `message`); the job's own CSV (shortfalls.csv, unmet.csv) reads the
/// structured place.
@dynamicMemberLookup
public struct Finding: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Whether the rule missed must hold or is a weighted preference.
    public enum Level: String, Hashable, Sendable, Codable {
        case hard
        case soft
    }

    /// The rule not met (`grid.households_per_grid`; `locks.csv` for a planner's lock).
    public var ruleID: RuleID
    public var level: Level
    /// Where it happened; any may be nil. ``place`` names the most specific one.
    public var location: FindingLocation
    /// How far short: households outside a bound, holders missing, visits left out.
    public var amount: Double
    /// What was not met, where and why, for people.
    public var message: String

    /// A finding with every field given.
    public init(ruleID: RuleID, level: Level, location: FindingLocation, amount: Double, message: String) {
        self.ruleID = ruleID
        self.level = level
        self.location = location
        self.amount = amount
        self.message = message
    }

    /// The community concerned, when there is one.
    public var communityID: CommunityID? { location.communityID }

    /// The location's ids read off the finding (`finding.gridID`).
    public subscript<Value>(dynamicMember keyPath: KeyPath<FindingLocation, Value>) -> Value {
        location[keyPath: keyPath]
    }

    /// The id of the most specific place concerned (resident, person, building, micro-grid, grid, request), or nil.
    public var place: String? { location.place }

    /// `rule at place (community): message [by amount]`, in the command's language.
    public var description: String {
        var arguments = ["rule": ruleID.rawValue, "message": message, "amount": FindingLocation.number(amount)]
        arguments["place"] = place
        arguments["community"] = communityID?.rawValue
        switch (place != nil, communityID != nil) {
        case (true, true): return Message.text("planning.finding.full", arguments)
        case (true, false): return Message.text("planning.finding.at_place", arguments)
        case (false, true): return Message.text("planning.finding.in_community", arguments)
        case (false, false): return Message.text("planning.finding.bare", arguments)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case ruleID = "rule_id", level, communityID = "community_id", place, amount, message
    }

    /// The spec's keys: the location is written as `community_id` and `place`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ruleID, forKey: .ruleID)
        try container.encode(level, forKey: .level)
        try container.encode(location.communityID, forKey: .communityID)
        try container.encode(place, forKey: .place)
        try container.encode(amount, forKey: .amount)
        try container.encode(message, forKey: .message)
    }

    /// Reads the spec's keys back; the place is kept as text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ruleID = try container.decode(RuleID.self, forKey: .ruleID)
        level = try container.decode(Level.self, forKey: .level)
        location = FindingLocation(
            communityID: try container.decodeIfPresent(CommunityID.self, forKey: .communityID),
            other: try container.decodeIfPresent(String.self, forKey: .place))
        amount = try container.decode(Double.self, forKey: .amount)
        message = try container.decode(String.self, forKey: .message)
    }
}
