import GridModel

/// What a resident is owed: the strictest frequency over their categories, the visitors a visit needs, and the
/// rules that decided it.
public struct VisitRequirement: Hashable, Sendable {
    /// The strictest frequency; its `ruleID` is the deciding rule.
    public var frequency: Sourced<VisitFrequency>
    /// The most visitors any applicable rule asks for.
    public var visitors: Int
    /// Conditions that one visitor each must meet (from every applicable rule), in rule-id order.
    public var oneVisitorMust: [RuleCondition]
    /// Every applicable rule, the deciding one first, then the rest by id.
    public var ruleIDs: [RuleID]
}
