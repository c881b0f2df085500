import GridModel

/// A soft rule's term in a job's objective: which term it weights, by how much, and the coefficients that shape it.
///
/// The weight scales the whole term; the coefficients (distance scales, bonuses, costs) set its parts against each
/// other. Every coefficient a term has is required, so that no number that decides between plans stays in code.
public struct ObjectiveTerm: Hashable, Sendable {
    /// The term names a job understands.
    public static let knownTerms = [
        "household_balance", "compactness", "stability", "cadre_proximity_familiarity_balance", "even_spread",
        "grid_post_preference", "micro_grid_leader_preference", "building_leader_preference", "visit_assignment",
    ]

    /// The coefficients each term's `parameters` must give besides `term` (none for a term weighed by its weight
    /// alone).
    static let coefficientKeys: [String: [String]] = [
        "cadre_proximity_familiarity_balance": [
            "metres_per_cost_unit", "distance_cap_m", "unknown_distance_m", "familiar_bonus", "post_cost",
            "grid_presence_cost",
        ],
        "grid_post_preference": [
            "metres_per_cost_unit", "distance_cap_m", "lives_in_grid_bonus", "current_holder_bonus",
            "second_grid_cost",
        ],
        "micro_grid_leader_preference": [
            "cost_per_radius", "distance_cap_radii", "score_bonus", "current_holder_bonus",
        ],
        "building_leader_preference": ["current_holder_bonus", "party_member_bonus", "score_bonus"],
        "visit_assignment": [
            "skill_bonus", "carried_over_bonus", "last_week_bonus", "load_cost", "group_same_day_cost",
        ],
    ]

    /// Coefficients a job divides by, so they must be above 0.
    static let divisorKeys: Set<String> = ["metres_per_cost_unit"]

    /// The term (`household_balance`, `compactness`, …).
    public var term: String
    /// The rule's weight (0 for a hard rule, which a job enforces rather than weighs).
    public var weight: Double
    /// The rule.
    public var ruleID: RuleID
    /// The term's coefficients by parameter name, each with the place it was written.
    public var coefficients: [String: Sourced<Double>] = [:]

    /// A coefficient of the term (0 for a name the term does not have; the loader requires every one it has).
    public func coefficient(_ name: String) -> Double { coefficients[name]?.value ?? 0 }

    static func read(_ index: RuleIndex) -> [ObjectiveTerm] {
        index.all(.objectiveTerm).compactMap { rule in
            // The term names the coefficients its parameters may hold: it is looked at before the keys are checked.
            let named = rule.parameters["term"]?.scalarText
            let keys = named.flatMap { coefficientKeys[$0] } ?? []
            guard let map = index.parameters(rule, ["term"] + keys), let term = map.word("term", oneOf: knownTerms)
            else { return nil }
            var coefficients: [String: Sourced<Double>] = [:]
            for key in keys {
                guard let value = map.number(key) else { continue }
                guard value.value > 0 || !divisorKeys.contains(key) else {
                    let arguments = ["rule": rule.id.rawValue, "key": key, "found": RuleKind.format(value.value)]
                    index.context.report(
                        .outOfRange, at: value.location, Message.text("rules.parameters.not_positive", arguments))
                    continue
                }
                coefficients[key] = value
            }
            guard coefficients.count == keys.count else { return nil }
            return ObjectiveTerm(
                term: term.value, weight: rule.kind.weight ?? 0, ruleID: rule.id, coefficients: coefficients)
        }
    }

    /// The first rule (by id) weighting `term`; reports a missing one, since a job cannot weigh a term no rule gives.
    static func required(_ term: String, in terms: [ObjectiveTerm], index: RuleIndex) -> ObjectiveTerm? {
        if let found = terms.first(where: { $0.term == term }) { return found }
        if index.reportMissing && !index.declaredTerms.contains(term) {
            let file = homeFile(of: term)
            index.context.report(
                .missingRule, at: SourceLocation(file: file, line: 0, column: 0),
                Message.text("rules.set.missing_term", ["term": term, "file": file]))
        }
        return nil
    }

    /// The shipped file that holds the rule of a term, for "missing rule" messages.
    static func homeFile(of term: String) -> String {
        switch term {
        case "cadre_proximity_familiarity_balance", "grid_post_preference", "micro_grid_leader_preference",
            "building_leader_preference":
            return "staffing.yaml"
        case "visit_assignment", "even_spread": return "visits.yaml"
        default: return "grid.yaml"
        }
    }
}
