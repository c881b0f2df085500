import GridModel

/// Reads a condition of the rules' declarative vocabulary (see ``RuleCondition``) from a node, reporting unknown
/// keys, wrong types and unknown categories, roles and skills with their locations.
struct ConditionReader {
    static let keys = [
        "all", "any", "not", "category_in", "age_at_least", "age_at_most", "party_member", "role_in",
        "lives_within_m", "has_skill", "works_in_site",
    ]

    let ruleID: RuleID
    let context: RuleReadContext

    func read(_ node: RuleNode, label: String) -> RuleCondition? {
        guard let entries = node.entries, !entries.isEmpty else {
            let arguments = [
                "rule": ruleID.rawValue, "label": label, "keys": Language.current.list(Self.keys),
                "found": node.shapeDescription,
            ]
            context.report(.wrongType, at: node.location, Message.text("rules.condition.expected", arguments))
            return nil
        }
        guard let map = ParameterMap(node, keys: Self.keys, ruleID: ruleID, path: label, context: context) else {
            return nil
        }
        var parts: [RuleCondition] = []
        var failed = false
        for entry in entries where Self.keys.contains(entry.key) {
            if let part = readOne(entry, map: map, label: label) { parts.append(part) } else { failed = true }
        }
        if failed || parts.count != entries.count { return nil }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private func readOne(_ entry: RuleNode.Entry, map: ParameterMap, label: String) -> RuleCondition? {
        let key = entry.key
        switch key {
        case "all", "any":
            guard let items = entry.value.items, !items.isEmpty else {
                let arguments = [
                    "rule": ruleID.rawValue, "label": label, "key": key, "found": entry.value.shapeDescription,
                ]
                context.report(
                    .wrongType, at: entry.value.location, Message.text("rules.condition.expected_list", arguments))
                return nil
            }
            let parts = items.enumerated().map { read($1, label: "\(label).\(key)[\($0 + 1)]") }
            let conditions = parts.compactMap { $0 }
            guard conditions.count == parts.count else { return nil }
            return key == "all" ? .all(conditions) : .any(conditions)
        case "not":
            return read(entry.value, label: "\(label).not").map { .not($0) }
        case "category_in":
            return map.categories(key).map { .categoryIn($0.value) }
        case "age_at_least":
            return map.int(key).map { .ageAtLeast($0.value) }
        case "age_at_most":
            return map.int(key).map { .ageAtMost($0.value) }
        case "party_member":
            return map.bool(key).map { .partyMember($0.value) }
        case "role_in":
            return map.roles(key).map { .roleIn($0.value) }
        case "works_in_site":
            return map.bool(key).map { .worksInSite($0.value) }
        case "lives_within_m":
            return map.number(key).map { .livesWithin(metres: $0.value) }
        case "has_skill":
            if let text = entry.value.scalarText {
                let list = Sourced([text], ruleID: ruleID, location: entry.value.location)
                let what = Message.text("rules.reference.skill")
                return ParameterMap.check(
                    list, items: [entry.value], known: context.skills, what: what, ruleID: ruleID,
                    label: "\(label).\(key)", context: context
                )
                .map { .hasSkill($0.value.map(Skill.init(rawValue:))) }
            }
            return map.skills(key).map { .hasSkill($0.value) }
        default:
            return nil
        }
    }
}
