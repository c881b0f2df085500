import GridModel

/// Typed, located reading of one mapping inside a rule's parameters. Keys not in the allowed list are reported
/// at once with the nearest allowed key suggested; every getter reports a wrong type or a missing key with the
/// value's file, line and column and returns nil, so reading goes on and collects every problem.
struct ParameterMap {
    let node: RuleNode
    let ruleID: RuleID
    let path: String
    let context: RuleReadContext

    /// Fails (with a problem) when `node` is not a mapping.
    init?(_ node: RuleNode, keys: [String], ruleID: RuleID, path: String, context: RuleReadContext) {
        self.node = node
        self.ruleID = ruleID
        self.path = path
        self.context = context
        guard let entries = node.entries else {
            context.report(
                .wrongType, at: node.location,
                Message.text(
                    "rules.parameters.expected_mapping",
                    ["rule": ruleID.rawValue, "path": path, "found": node.shapeDescription]))
            return nil
        }
        for entry in entries where !keys.contains(entry.key) {
            let arguments = [
                "rule": ruleID.rawValue, "path": path, "key": entry.key,
                "hint": NearestName.hint(for: entry.key, among: keys), "allowed": Language.current.list(keys),
            ]
            context.report(
                .unknownKey, at: entry.keyLocation, Message.text("rules.parameters.unknown_key", arguments))
        }
    }

    func has(_ key: String) -> Bool { node[key] != nil }

    /// The node under `key`; reports a missing key when `required`.
    func value(_ key: String, required: Bool = true) -> RuleNode? {
        if let value = node[key], !value.isNull { return value }
        if required {
            if let entry = node.entry(key) {
                context.report(
                    .missingKey, at: entry.keyLocation,
                    Message.text(
                        "rules.parameters.key_without_value", ["rule": ruleID.rawValue, "path": path, "key": key]))
            } else {
                context.report(
                    .missingKey, at: node.location,
                    Message.text("rules.parameters.missing_key", ["rule": ruleID.rawValue, "path": path, "key": key]))
            }
        }
        return nil
    }

    /// Reports that `key` holds `node` where `expected` (words in the command's language) was expected.
    private func wrong(_ node: RuleNode, _ key: String, _ expected: String) {
        let arguments = [
            "rule": ruleID.rawValue, "path": path, "key": key, "expected": expected, "found": node.shapeDescription,
        ]
        context.report(.wrongType, at: node.location, Message.text("rules.parameters.wrong_type", arguments))
    }

    func int(_ key: String, required: Bool = true, atLeast minimum: Int = 0) -> Sourced<Int>? {
        let what = Message.text("rules.expected.integer")
        return bounded(key, required: required, atLeast: minimum, what, minimumText: "\(minimum)") { text in
            Int(text).map { ($0, "\($0)") }
        }
    }

    func number(_ key: String, required: Bool = true, atLeast minimum: Double = 0) -> Sourced<Double>? {
        let what = Message.text("rules.expected.number")
        return bounded(key, required: required, atLeast: minimum, what, minimumText: RuleKind.format(minimum)) { text in
            Double(text).flatMap { $0.isFinite ? ($0, text) : nil }
        }
    }

    /// A plain scalar that `parse` reads as a value (with how a message shows it) of at least `minimum`.
    private func bounded<Value: Comparable>(
        _ key: String, required: Bool, atLeast minimum: Value, _ what: String, minimumText: String,
        parse: (String) -> (value: Value, shown: String)?
    ) -> Sourced<Value>? {
        guard let value = value(key, required: required) else { return nil }
        guard case .scalar(let text, true) = value.value, let number = parse(text) else {
            wrong(value, key, what)
            return nil
        }
        guard number.value >= minimum else {
            let arguments = [
                "rule": ruleID.rawValue, "path": path, "key": key, "expected": what, "minimum": minimumText,
                "found": number.shown,
            ]
            context.report(.outOfRange, at: value.location, Message.text("rules.parameters.below_minimum", arguments))
            return nil
        }
        return Sourced(number.value, ruleID: ruleID, location: value.location)
    }

    func bool(_ key: String, required: Bool = true) -> Sourced<Bool>? {
        guard let value = value(key, required: required) else { return nil }
        guard case .scalar(let text, true) = value.value, text == "true" || text == "false" else {
            wrong(value, key, Message.text("rules.expected.boolean"))
            return nil
        }
        return Sourced(text == "true", ruleID: ruleID, location: value.location)
    }

    /// Any non-empty scalar.
    func text(_ key: String, required: Bool = true) -> Sourced<String>? {
        guard let value = value(key, required: required) else { return nil }
        guard let text = value.scalarText, !text.isEmpty else {
            wrong(value, key, Message.text("rules.expected.text"))
            return nil
        }
        return Sourced(text, ruleID: ruleID, location: value.location)
    }

    /// A scalar from a closed list of words.
    func word(_ key: String, oneOf allowed: [String], required: Bool = true) -> Sourced<String>? {
        guard let text = text(key, required: required) else { return nil }
        guard allowed.contains(text.value) else {
            let arguments = [
                "rule": ruleID.rawValue, "path": path, "key": key, "value": text.value,
                "allowed": Language.current.list(allowed), "hint": NearestName.hint(for: text.value, among: allowed),
            ]
            context.report(.outOfRange, at: text.location, Message.text("rules.parameters.not_one_of", arguments))
            return nil
        }
        return text
    }

    /// A list of scalars (a single scalar is not a list).
    func words(_ key: String, required: Bool = true) -> Sourced<[String]>? {
        guard let value = value(key, required: required) else { return nil }
        return Self.words(in: value, ruleID: ruleID, label: "\(path).\(key)", context: context)
    }

    static func words(in value: RuleNode, ruleID: RuleID, label: String, context: RuleReadContext) -> Sourced<[String]>?
    {
        guard let items = value.items else {
            context.report(
                .wrongType, at: value.location,
                Message.text(
                    "rules.parameters.expected_list",
                    ["rule": ruleID.rawValue, "label": label, "found": value.shapeDescription]))
            return nil
        }
        var words: [String] = []
        for item in items {
            guard let text = item.scalarText, !text.isEmpty else {
                context.report(
                    .wrongType, at: item.location,
                    Message.text(
                        "rules.parameters.expected_word_in_list",
                        ["rule": ruleID.rawValue, "label": label, "found": item.shapeDescription]))
                return nil
            }
            words.append(text)
        }
        return Sourced(words, ruleID: ruleID, location: value.location)
    }

    /// A nested mapping.
    func map(_ key: String, keys: [String], required: Bool = true) -> ParameterMap? {
        guard let value = value(key, required: required) else { return nil }
        return ParameterMap(value, keys: keys, ruleID: ruleID, path: "\(path).\(key)", context: context)
    }

    /// A list of mappings, each read with the allowed keys.
    func maps(_ key: String, keys: [String], required: Bool = true) -> [ParameterMap]? {
        guard let value = value(key, required: required) else { return nil }
        guard let items = value.items else {
            wrong(value, key, Message.text("rules.expected.list"))
            return nil
        }
        return items.enumerated().compactMap { index, item in
            ParameterMap(item, keys: keys, ruleID: ruleID, path: "\(path).\(key)[\(index + 1)]", context: context)
        }
    }

    // MARK: - References

    private func checked(_ key: String, required: Bool, known: Set<String>, what: String) -> Sourced<[String]>? {
        guard let value = value(key, required: required),
            let list = Self.words(in: value, ruleID: ruleID, label: "\(path).\(key)", context: context)
        else { return nil }
        return Self.check(
            list, items: value.items ?? [], known: known, what: what, ruleID: ruleID, label: "\(path).\(key)",
            context: context)
    }

    static func check(
        _ list: Sourced<[String]>, items: [RuleNode], known: Set<String>, what: String, ruleID: RuleID, label: String,
        context: RuleReadContext
    ) -> Sourced<[String]>? {
        var ok = true
        for (word, item) in zip(list.value, items) where !known.contains(word) {
            ok = false
            let arguments = [
                "rule": ruleID.rawValue, "label": label, "what": what, "word": word,
                "hint": NearestName.hint(for: word, among: known),
            ]
            context.report(
                .unknownReference, at: item.location, Message.text("rules.parameters.unknown_reference", arguments))
        }
        return ok ? list : nil
    }

    func categories(_ key: String, required: Bool = true) -> Sourced<[ResidentCategory]>? {
        checked(key, required: required, known: context.categories, what: Message.text("rules.reference.category"))?
            .map { $0.map(ResidentCategory.init(rawValue:)) }
    }

    func roles(_ key: String, required: Bool = true) -> Sourced<[Role]>? {
        let what = Message.text("rules.reference.role")
        return checked(key, required: required, known: Set(Role.allCases.map(\.rawValue)), what: what)?
            .map { $0.compactMap(Role.init(rawValue:)) }
    }

    func skills(_ key: String, required: Bool = true) -> Sourced<[Skill]>? {
        let what = Message.text("rules.reference.skill")
        return checked(key, required: required, known: context.skills, what: what)?
            .map { $0.map(Skill.init(rawValue:)) }
    }

    /// `all` (nil) or a list of known compound types.
    func compoundTypes(_ key: String, required: Bool = true) -> Sourced<[CompoundType]?>? {
        guard let value = value(key, required: required) else { return nil }
        if value.scalarText == "all" { return Sourced(nil, ruleID: ruleID, location: value.location) }
        if value.items == nil {
            wrong(value, key, Message.text("rules.expected.all_or_compound_types"))
            return nil
        }
        let what = Message.text("rules.reference.compound_type")
        return checked(key, required: required, known: context.compoundTypes, what: what)?
            .map { Optional($0.map(CompoundType.init(rawValue:))) }
    }

    func frequency(_ key: String, required: Bool = true) -> Sourced<VisitFrequency>? {
        guard let text = text(key, required: required) else { return nil }
        guard let frequency = VisitFrequency(parsing: text.value) else {
            context.report(
                .wrongType, at: text.location,
                Message.text(
                    "rules.parameters.frequency_unreadable",
                    ["rule": ruleID.rawValue, "path": path, "key": key, "value": text.value]))
            return nil
        }
        guard frequency.visits > 0, frequency.every > 0 else {
            context.report(
                .contradiction, at: text.location,
                Message.text(
                    "rules.parameters.frequency_zero",
                    ["rule": ruleID.rawValue, "path": path, "key": key, "value": text.value]))
            return nil
        }
        return text.map { _ in frequency }
    }

    func condition(_ key: String, required: Bool = true) -> Sourced<RuleCondition>? {
        guard let value = value(key, required: required) else { return nil }
        return ConditionReader(ruleID: ruleID, context: context).read(value, label: "\(path).\(key)")
            .map { Sourced($0, ruleID: ruleID, location: value.location) }
    }

    /// A `{min, max}` mapping as a closed range; min above max is a contradiction reported at `min`.
    func range(_ key: String, atLeast minimum: Int = 0) -> Sourced<ClosedRange<Int>>? {
        bounds(key, atLeast: minimum)?.range
    }

    /// A `{min, max}` range and the location of its `max`, for contradictions between ranges.
    func bounds(_ key: String, atLeast minimum: Int = 0) -> (
        range: Sourced<ClosedRange<Int>>, maxLocation: SourceLocation
    )? {
        guard let bounds = map(key, keys: ["min", "max"]) else { return nil }
        guard let low = bounds.int("min", atLeast: minimum), let high = bounds.int("max", atLeast: minimum) else {
            return nil
        }
        guard low.value <= high.value else {
            let arguments = [
                "rule": ruleID.rawValue, "path": path, "key": key, "min": "\(low.value)", "max": "\(high.value)",
                "line": "\(high.location.line)",
            ]
            context.report(
                .contradiction, at: low.location, Message.text("rules.parameters.min_above_max", arguments))
            return nil
        }
        return (Sourced(low.value...high.value, ruleID: ruleID, location: low.location), high.location)
    }
}
