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
                .wrongType, at: node.location, "\(ruleID) \(path): expected a mapping, found \(node.shapeDescription)")
            return nil
        }
        for entry in entries where !keys.contains(entry.key) {
            context.report(
                .unknownKey, at: entry.keyLocation,
                "\(ruleID) \(path): unknown key '\(entry.key)'\(NearestName.hint(for: entry.key, among: keys))"
                    + "; allowed: \(keys.joined(separator: ", "))"
            )
        }
    }

    func has(_ key: String) -> Bool { node[key] != nil }

    /// The node under `key`; reports a missing key when `required`.
    func value(_ key: String, required: Bool = true) -> RuleNode? {
        if let value = node[key], !value.isNull { return value }
        if required {
            if let entry = node.entry(key) {
                context.report(.missingKey, at: entry.keyLocation, "\(ruleID) \(path).\(key): the key has no value")
            } else {
                context.report(.missingKey, at: node.location, "\(ruleID) \(path): missing key '\(key)'")
            }
        }
        return nil
    }

    private func wrong(_ node: RuleNode, _ key: String, _ expected: String) {
        context.report(
            .wrongType, at: node.location,
            "\(ruleID) \(path).\(key): expected \(expected), found \(node.shapeDescription)")
    }

    func int(_ key: String, required: Bool = true, atLeast minimum: Int = 0) -> Sourced<Int>? {
        bounded(key, required: required, atLeast: minimum, "an integer", minimumText: "\(minimum)") { text in
            Int(text).map { ($0, "\($0)") }
        }
    }

    func number(_ key: String, required: Bool = true, atLeast minimum: Double = 0) -> Sourced<Double>? {
        bounded(key, required: required, atLeast: minimum, "a number", minimumText: RuleKind.format(minimum)) { text in
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
            context.report(
                .outOfRange, at: value.location,
                "\(ruleID) \(path).\(key): expected \(what) of at least \(minimumText), found \(number.shown)")
            return nil
        }
        return Sourced(number.value, ruleID: ruleID, location: value.location)
    }

    func bool(_ key: String, required: Bool = true) -> Sourced<Bool>? {
        guard let value = value(key, required: required) else { return nil }
        guard case .scalar(let text, true) = value.value, text == "true" || text == "false" else {
            wrong(value, key, "true or false")
            return nil
        }
        return Sourced(text == "true", ruleID: ruleID, location: value.location)
    }

    /// Any non-empty scalar.
    func text(_ key: String, required: Bool = true) -> Sourced<String>? {
        guard let value = value(key, required: required) else { return nil }
        guard let text = value.scalarText, !text.isEmpty else {
            wrong(value, key, "a word or sentence")
            return nil
        }
        return Sourced(text, ruleID: ruleID, location: value.location)
    }

    /// A scalar from a closed list of words.
    func word(_ key: String, oneOf allowed: [String], required: Bool = true) -> Sourced<String>? {
        guard let text = text(key, required: required) else { return nil }
        guard allowed.contains(text.value) else {
            context.report(
                .outOfRange, at: text.location,
                "\(ruleID) \(path).\(key): '\(text.value)' is not one of \(allowed.joined(separator: ", "))"
                    + NearestName.hint(for: text.value, among: allowed)
            )
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
                .wrongType, at: value.location, "\(ruleID) \(label): expected a list, found \(value.shapeDescription)")
            return nil
        }
        var words: [String] = []
        for item in items {
            guard let text = item.scalarText, !text.isEmpty else {
                context.report(
                    .wrongType, at: item.location,
                    "\(ruleID) \(label): expected a word in the list, found \(item.shapeDescription)")
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
            wrong(value, key, "a list")
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
            context.report(
                .unknownReference, at: item.location,
                "\(ruleID) \(label): unknown \(what) '\(word)'\(NearestName.hint(for: word, among: known))"
            )
        }
        return ok ? list : nil
    }

    func categories(_ key: String, required: Bool = true) -> Sourced<[ResidentCategory]>? {
        checked(key, required: required, known: context.categories, what: "resident category")?
            .map { $0.map(ResidentCategory.init(rawValue:)) }
    }

    func roles(_ key: String, required: Bool = true) -> Sourced<[Role]>? {
        checked(key, required: required, known: Set(Role.allCases.map(\.rawValue)), what: "role")?
            .map { $0.compactMap(Role.init(rawValue:)) }
    }

    func skills(_ key: String, required: Bool = true) -> Sourced<[Skill]>? {
        checked(key, required: required, known: context.skills, what: "skill")?.map { $0.map(Skill.init(rawValue:)) }
    }

    /// `all` (nil) or a list of known compound types.
    func compoundTypes(_ key: String, required: Bool = true) -> Sourced<[CompoundType]?>? {
        guard let value = value(key, required: required) else { return nil }
        if value.scalarText == "all" { return Sourced(nil, ruleID: ruleID, location: value.location) }
        if value.items == nil {
            wrong(value, key, "'all' or a list of compound types")
            return nil
        }
        return checked(key, required: required, known: context.compoundTypes, what: "compound type")?
            .map { Optional($0.map(CompoundType.init(rawValue:))) }
    }

    func frequency(_ key: String, required: Bool = true) -> Sourced<VisitFrequency>? {
        guard let text = text(key, required: required) else { return nil }
        guard let frequency = VisitFrequency(parsing: text.value) else {
            context.report(
                .wrongType, at: text.location,
                "\(ruleID) \(path).\(key): expected a frequency like '2 per month' or '1 per 2 months' "
                    + "(periods: day, week, month, quarter, year), found '\(text.value)'"
            )
            return nil
        }
        guard frequency.visits > 0, frequency.every > 0 else {
            context.report(
                .contradiction, at: text.location,
                "\(ruleID) \(path).\(key): a frequency of zero ('\(text.value)') asks for no visits; remove the "
                    + "rule or give at least 1"
            )
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
            context.report(
                .contradiction, at: low.location,
                "\(ruleID) \(path).\(key): min \(low.value) is above max \(high.value) (max at line "
                    + "\(high.location.line))"
            )
            return nil
        }
        return (Sourced(low.value...high.value, ruleID: ruleID, location: low.location), high.location)
    }
}
