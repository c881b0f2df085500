import GridModel
import GridRules

extension RuleCondition {
    /// The condition in the command's language, for shortfall messages ("aged 22 or older and aged 65 or younger",
    /// 年满 22 岁，且年龄不超过 65 岁). The English is `description`'s wording word for word, so that English
    /// shortfalls read as they always have; roles get their Chinese names, categories and skills stay codes.
    var sentence: String {
        switch self {
        case .all(let parts):
            return Self.joined(parts.map { $0.grouped(inside: .both) }, key: .both)
        case .any(let parts):
            return Self.joined(parts.map { $0.grouped(inside: .either) }, key: .either)
        case .not(let inner):
            return Message.text("staffing.condition.not", ["condition": inner.sentence])
        case .categoryIn(let categories):
            return Message.text(
                "staffing.condition.category_in", ["categories": Language.current.list(categories.map(\.rawValue))])
        case .ageAtLeast(let age):
            return Message.text("staffing.condition.age_at_least", ["age": "\(age)"])
        case .ageAtMost(let age):
            return Message.text("staffing.condition.age_at_most", ["age": "\(age)"])
        case .partyMember(let wanted):
            return wanted
                ? Message.text("staffing.condition.party_member") : Message.text("staffing.condition.not_party_member")
        case .roleIn(let roles):
            return Message.text("staffing.condition.role_in", ["roles": Language.current.list(roles.map(\.spokenName))])
        case .livesWithin(let metres):
            let text = metres == metres.rounded() && abs(metres) < 1e15 ? String(Int(metres)) : String(metres)
            return Message.text("staffing.condition.lives_within", ["metres": text])
        case .hasSkill(let skills):
            return Message.text(
                "staffing.condition.has_skill", ["skills": Language.current.list(skills.map(\.rawValue))])
        case .worksInSite(let wanted):
            return wanted
                ? Message.text("staffing.condition.works_in_site")
                : Message.text("staffing.condition.not_works_in_site")
        }
    }

    /// How parts are joined: "and" for `all`, "or" for `any`.
    private enum Joiner { case both, either }

    /// Parts folded pairwise through the joiner's row, so that each language places its own conjunction.
    private static func joined(_ parts: [String], key: Joiner) -> String {
        guard var result = parts.first else { return "" }
        for part in parts.dropFirst() {
            switch key {
            case .both: result = Message.text("staffing.condition.both", ["first": result, "second": part])
            case .either: result = Message.text("staffing.condition.either", ["first": result, "second": part])
            }
        }
        return result
    }

    /// The sentence, in brackets when it is an `any` inside an `all` or the reverse (as `description` brackets it).
    private func grouped(inside outer: Joiner) -> String {
        switch (self, outer) {
        case (.all, .either), (.any, .both):
            return Language.current == .chinese ? "（\(sentence)）" : "(\(sentence))"
        default:
            return sentence
        }
    }
}
