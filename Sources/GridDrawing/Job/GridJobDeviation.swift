import Districting
import GridModel
import GridRules

/// A hard rule the plan misses, named by its rule id: where, why and by how much (kpis.json and stderr).
public struct GridJobDeviation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The rule missed (a rule id such as `grid.households_per_grid`, or `locks.csv` for a planner's lock).
    public var ruleID: String
    /// The community concerned.
    public var communityID: CommunityID
    /// The grid, micro-grid or building concerned.
    public var place: String
    /// The households concerned (0 when the rule is not about households).
    public var value: Int
    /// How far `value` lies outside what the rule allows.
    public var amount: Int
    /// A sentence for people.
    public var message: String

    /// A deviation with every field given.
    public init(ruleID: String, communityID: CommunityID, place: String, value: Int, amount: Int, message: String) {
        self.ruleID = ruleID
        self.communityID = communityID
        self.place = place
        self.value = value
        self.amount = amount
        self.message = message
    }

    /// The core's deviation, named by the rule it comes from.
    init(_ deviation: StreetDeviation, rules: GridDrawingRules) {
        let rule: String
        switch deviation.rule {
        case .gridHouseholds: rule = rules.householdsPerGrid.ruleID.rawValue
        case .microGridHouseholds: rule = rules.householdsPerMicroGrid.ruleID.rawValue
        case .unitTooLarge: rule = rules.keepWhole(.unit)?.ruleID.rawValue ?? "grid.unit_whole"
        }
        self.init(
            ruleID: rule, communityID: deviation.communityID, place: deviation.place, value: deviation.value,
            amount: deviation.amount, message: deviation.message)
    }

    /// `rule at place: message (by amount)`.
    public var description: String { "\(ruleID) at \(place) (community \(communityID)): \(message) [by \(amount)]" }
}
