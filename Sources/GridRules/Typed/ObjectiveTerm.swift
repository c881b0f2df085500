/// A soft rule's term in a job's objective: which term it weights and by how much.
public struct ObjectiveTerm: Hashable, Sendable {
    /// The term names a job understands.
    public static let knownTerms = [
        "household_balance", "compactness", "stability", "cadre_proximity_familiarity_balance", "even_spread",
    ]

    /// The term (`household_balance`, `compactness`, …).
    public var term: String
    /// The rule's weight (0 for a hard rule, which a job enforces rather than weighs).
    public var weight: Double
    /// The rule.
    public var ruleID: RuleID

    static func read(_ index: RuleIndex) -> [ObjectiveTerm] {
        index.all(.objectiveTerm).compactMap { rule in
            guard let term = index.parameters(rule, ["term"])?.word("term", oneOf: knownTerms) else { return nil }
            return ObjectiveTerm(term: term.value, weight: rule.kind.weight ?? 0, ruleID: rule.id)
        }
    }
}
