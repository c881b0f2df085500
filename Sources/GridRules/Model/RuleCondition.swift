import GridModel

/// A condition in the rules' small declarative vocabulary; no code is ever embedded in a rule file.
///
/// In YAML a condition is a mapping with one of these keys (several keys in one mapping mean all of them):
/// `all: [..]`, `any: [..]`, `not: {..}`, `category_in: [..]`, `age_at_least: N`, `age_at_most: N`,
/// `party_member: true|false`, `role_in: [..]`, `lives_within_m: N`, `has_skill: skill | [skills]`,
/// `works_in_site: true|false`.
public indirect enum RuleCondition: Hashable, Sendable, CustomStringConvertible {
    /// Every part holds.
    case all([RuleCondition])
    /// At least one part holds.
    case any([RuleCondition])
    /// The part does not hold.
    case not(RuleCondition)
    /// The resident has one of these categories.
    case categoryIn([ResidentCategory])
    /// Aged at least this many years.
    case ageAtLeast(Int)
    /// Aged at most this many years.
    case ageAtMost(Int)
    /// Party membership equals the value.
    case partyMember(Bool)
    /// The person has one of these roles.
    case roleIn([Role])
    /// The person lives within this many metres of the place served (a micro-grid, a resident).
    case livesWithin(metres: Double)
    /// The person has every one of these skills.
    case hasSkill([Skill])
    /// The person works (or not) in the site served: people.csv `work_building_id` is one of its buildings.
    case worksInSite(Bool)

    /// Evaluates the condition with three-valued logic: nil when a needed fact is unknown.
    public func evaluate(_ facts: ConditionFacts) -> Bool? {
        switch self {
        case .all(let parts):
            return Self.evaluate(parts, facts, decidedBy: false)
        case .any(let parts):
            return Self.evaluate(parts, facts, decidedBy: true)
        case .not(let inner):
            return inner.evaluate(facts).map { !$0 }
        case .categoryIn(let categories):
            return facts.categories.map { !$0.isDisjoint(with: categories) }
        case .ageAtLeast(let age):
            return facts.age.map { $0 >= age }
        case .ageAtMost(let age):
            return facts.age.map { $0 <= age }
        case .partyMember(let wanted):
            return facts.isPartyMember.map { $0 == wanted }
        case .roleIn(let roles):
            return facts.roles.map { !$0.isDisjoint(with: roles) }
        case .livesWithin(let metres):
            return facts.distanceMetres.map { $0 <= metres }
        case .hasSkill(let skills):
            return facts.skills.map { $0.isSuperset(of: skills) }
        case .worksInSite(let wanted):
            return facts.worksInSite.map { $0 == wanted }
        }
    }

    /// Kleene's `all` (`decisive` false) or `any` (`decisive` true): `decisive` as soon as a part evaluates to it,
    /// else nil when some part is unknown, else the other value.
    private static func evaluate(_ parts: [RuleCondition], _ facts: ConditionFacts, decidedBy decisive: Bool) -> Bool? {
        var unknown = false
        for part in parts {
            switch part.evaluate(facts) {
            case .some(decisive): return decisive
            case .none: unknown = true
            case .some: break
            }
        }
        return unknown ? nil : !decisive
    }

    /// True only when the condition certainly holds (an unknown fact counts as not holding).
    public func isSatisfied(by facts: ConditionFacts) -> Bool { evaluate(facts) == true }

    /// The strictest `lives_within_m` the condition requires on every path, for shortfall messages
    /// ("no party member lives within 300 m"); nil when it has none.
    public var requiredRadiusMetres: Double? {
        switch self {
        case .livesWithin(let metres): return metres
        case .all(let parts): return parts.compactMap(\.requiredRadiusMetres).min()
        default: return nil
        }
    }

    /// Whether a party membership of `true` is required on every path.
    public var requiresPartyMember: Bool {
        switch self {
        case .partyMember(let wanted): return wanted
        case .all(let parts): return parts.contains { $0.requiresPartyMember }
        default: return false
        }
    }

    /// Every resident category the condition mentions.
    public var mentionedCategories: [ResidentCategory] {
        switch self {
        case .all(let parts), .any(let parts): return parts.flatMap(\.mentionedCategories)
        case .not(let inner): return inner.mentionedCategories
        case .categoryIn(let categories): return categories
        default: return []
        }
    }

    /// Words for `rules explain` and for reasons that cite a condition, in the command's language:
    /// "party member and lives within 300 m", "党员且居住在 300 米以内".
    public var description: String {
        let language = Language.current
        switch self {
        case .all(let parts):
            return Self.joined(parts.map { $0.parenthesised(inside: .all) }, key: "rules.condition.both")
        case .any(let parts):
            return Self.joined(parts.map { $0.parenthesised(inside: .any) }, key: "rules.condition.either")
        case .not(let inner):
            return Message.text("rules.condition.not", ["condition": inner.description])
        case .categoryIn(let categories):
            let listed = language.list(categories.map(\.rawValue))
            return Message.text("rules.condition.category_in", ["categories": listed])
        case .ageAtLeast(let age):
            return Message.text("rules.condition.age_at_least", ["age": "\(age)"])
        case .ageAtMost(let age):
            return Message.text("rules.condition.age_at_most", ["age": "\(age)"])
        case .partyMember(let wanted):
            return Message.text(wanted ? "rules.condition.party_member" : "rules.condition.not_party_member")
        case .roleIn(let roles):
            return Message.text("rules.condition.role_in", ["roles": language.list(roles.map(\.spokenName))])
        case .livesWithin(let metres):
            return Message.text("rules.condition.lives_within", ["metres": RuleKind.format(metres)])
        case .hasSkill(let skills):
            return Message.text("rules.condition.has_skill", ["skills": language.list(skills.map(\.rawValue))])
        case .worksInSite(let wanted):
            return Message.text(wanted ? "rules.condition.works_in_site" : "rules.condition.not_works_in_site")
        }
    }

    /// The list a part of a condition sits in.
    private enum Joiner { case all, any }

    /// The words of a part of an `all` or `any`, in parentheses when it is an `any` inside an `all` or the reverse.
    private func parenthesised(inside joiner: Joiner) -> String {
        switch (self, joiner) {
        case (.all, .any), (.any, .all):
            return Language.current == .chinese ? "（\(description)）" : "(\(description))"
        default: return description
        }
    }

    /// `parts` folded pairwise through the two-part text `key` ("{first} and {second}"), so that each language
    /// joins them its own way.
    private static func joined(_ parts: [String], key: String) -> String {
        guard var result = parts.first else { return "" }
        for part in parts.dropFirst() { result = Message.text(key, ["first": result, "second": part]) }
        return result
    }
}
