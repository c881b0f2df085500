import GridModel

/// One visit-frequency rule: the categories it covers, an optional extra condition (an age), the frequency and
/// the visitors each visit needs.
public struct VisitFrequencyRule: Hashable, Sendable {
    /// The rule.
    public var ruleID: RuleID
    /// The categories it covers (`applies_to.category`).
    public var categories: [ResidentCategory]
    /// An extra condition on the resident (e.g. aged 80 or older); nil when none.
    public var when: RuleCondition?
    /// How often.
    public var frequency: Sourced<VisitFrequency>
    /// Visitors per visit (2 for unstable mental-health residents).
    public var visitors: Int
    /// A condition one of the visitors must meet; nil when none.
    public var oneVisitorMust: RuleCondition?
    /// Hard or soft.
    public var kind: RuleKind

    /// Whether the rule applies to a resident in these categories at this age (age nil: unknown, so an age
    /// condition does not hold).
    public func applies(to categories: Set<ResidentCategory>, age: Int?) -> Bool {
        guard !categories.isDisjoint(with: self.categories) else { return false }
        guard let when else { return true }
        return when.isSatisfied(by: ConditionFacts(categories: categories, age: age))
    }
}
