import GridModel

/// Reads base rule files and overlays into a ``RuleSet``: parses, merges overlays by rule id and parameter path,
/// reads every rule's envelope and typed parameters, and collects every problem with its location.
struct RuleSetLoader {
    /// One step that changes a rule: an overlay entry, limited to some communities or not.
    private struct Step {
        var communities: [CommunityID]?
        var patch: RuleNode
        var file: String
    }

    private struct Draft {
        var id: RuleID
        var base: RuleNode
        var file: String
        var steps: [Step] = []
    }

    /// Made when thrown (not once and kept) so that it reads in the language of the command that meets it.
    private static var internalProblem: RuleProblem {
        RuleProblem(
            .missingRule, at: SourceLocation(file: "<rules>", line: 0, column: 0),
            Message.text("rules.internal.unreadable_set"))
    }

    static let envelopeKeys = ["id", "type", "kind", "weight", "source", "says", "applies_to", "parameters"]

    let context = RuleReadContext()
    private var drafts: [Draft] = []
    private var index: [RuleID: Int] = [:]
    private var parseFailed = false

    private mutating func record(_ error: GridRulesError) {
        parseFailed = true
        for problem in error.problems { context.report(problem.code, at: problem.location, problem.message) }
    }

    static func load(
        base: [RuleFile], overlays: [RuleFile], defaultSources: RuleFile?, origin: RuleSet.Origin
    ) throws(GridRulesError) -> RuleSet {
        var loader = RuleSetLoader()
        return try loader.run(base: base, overlays: overlays, defaultSources: defaultSources, origin: origin)
    }

    private mutating func run(
        base: [RuleFile], overlays: [RuleFile], defaultSources: RuleFile?, origin: RuleSet.Origin
    ) throws(GridRulesError) -> RuleSet {
        let sortedBase = base.sorted { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }
        var sourceFiles: [RuleFile] = []
        for file in sortedBase {
            switch RuleNode.parse(file) {
            case .failure(let error): record(error)
            case .success(let root):
                if root["sources"] != nil {
                    sourceFiles.append(file)
                    readSources(root, file: file.name)
                } else {
                    readBaseFile(root, file: file.name)
                }
            }
        }
        if sourceFiles.count > 1 {
            context.report(
                .duplicateRule, at: SourceLocation(file: sourceFiles[1].name, line: 0, column: 0),
                Message.text("rules.sources.twice", ["file": sourceFiles[0].name]))
        }
        if sourceFiles.isEmpty, let defaultSources, case .success(let root) = RuleNode.parse(defaultSources) {
            readSources(root, file: defaultSources.name)
        }
        for file in overlays {
            switch RuleNode.parse(file) {
            case .failure(let error): record(error)
            case .success(let root): readOverlay(root, file: file.name)
            }
        }
        let baseEntries = drafts.map { resolve($0, community: nil) }
        readVocabularies(baseEntries)
        let baseRules = readEnvelopes(baseEntries, drafts: drafts, community: nil)
        checkCommunityLimits(baseRules)
        let communities = Set(
            drafts.flatMap { $0.steps.flatMap { $0.communities ?? [] } } + baseRules.flatMap(\.scope.communities)
        ).sorted()
        let declared = Set(baseEntries.compactMap { $0["type"]?.scalarText.flatMap(RuleType.init(rawValue:)) })
        let terms = Set(
            baseEntries.filter { $0["type"]?.scalarText == RuleType.objectiveTerm.rawValue }
                .compactMap { $0["parameters"]?["term"]?.scalarText })
        let baseSections = RuleSections.read(
            rules: baseRules, community: nil, context: context,
            // A file that does not parse loses all its rules; reporting each as missing would only repeat that.
            reportMissing: !parseFailed, declaredTypes: declared, declaredTerms: terms)
        var scoped: [CommunityID: ScopedRules] = [:]
        for community in communities {
            let entries = drafts.map { resolve($0, community: community) }
            let rules = readEnvelopes(entries, drafts: drafts, community: community)
            if let sections = RuleSections.read(
                rules: rules, community: community, context: context, reportMissing: false, declaredTypes: declared)
            {
                scoped[community] = ScopedRules(rules: rules, sections: sections)
            }
        }
        let problems = Array(context.problems)
        guard problems.isEmpty, let baseSections else {
            throw GridRulesError(problems: problems.isEmpty ? [Self.internalProblem] : problems)
        }
        let identity = RuleSetIdentity(base: sortedBase, overlays: overlays)
        return RuleSet(
            origin: origin, identity: identity, files: sortedBase.map(\.name), overlayFiles: overlays.map(\.name),
            sources: context.sources.values.sorted { $0.id < $1.id }, baseRules: baseRules, sections: baseSections,
            scoped: scoped
        )
    }

    // MARK: - Files

    private func readSources(_ root: RuleNode, file: String) {
        let here = SourceLocation(file: file, line: 0, column: 0)
        let topLevel = Message.text("rules.path.top_level")
        let top = ParameterMap(root, keys: ["sources"], ruleID: RuleID(file), path: topLevel, context: context)
        guard let list = top?.maps("sources", keys: ["id", "kind", "tag", "title", "catalogue", "cited_as"]) else {
            context.report(.missingKey, at: here, Message.text("rules.sources.expected_list", ["file": file]))
            return
        }
        for map in list {
            guard let id = map.text("id"), let kind = map.word("kind", oneOf: RuleSet.sourceKinds),
                let tag = map.word("tag", oneOf: ["S", "P", "M", "SEED"]), let title = map.text("title"),
                let catalogue = map.word("catalogue", oneOf: ["rules", "time-bank", "data-format"]),
                let citedAs = map.text("cited_as")
            else { continue }
            if let previous = context.sources[id.value] {
                context.report(
                    .duplicateRule, at: id.location,
                    Message.text("rules.sources.duplicate", ["source": id.value, "location": "\(previous.location)"]))
                continue
            }
            context.sources[id.value] = RuleSource(
                id: id.value, kind: kind.value, tag: tag.value, title: title.value, catalogue: catalogue.value,
                citedAs: citedAs.value, location: id.location
            )
        }
    }

    private mutating func readBaseFile(_ root: RuleNode, file: String) {
        let topLevel = Message.text("rules.path.top_level")
        guard let top = ParameterMap(root, keys: ["rules"], ruleID: RuleID(file), path: topLevel, context: context),
            let list = top.value("rules")
        else { return }
        guard let items = list.items else {
            context.report(
                .wrongType, at: list.location,
                Message.text("rules.file.rules_not_list_of_rules", ["file": file, "found": list.shapeDescription]))
            return
        }
        for item in items {
            guard let id = ruleID(of: item, file: file) else { continue }
            if let existing = index[id] {
                let earlier = drafts[existing].base["id"]?.location ?? drafts[existing].base.location
                context.report(
                    .duplicateRule, at: item["id"]?.location ?? item.location,
                    Message.text("rules.rule.duplicate_id", ["rule": id.rawValue, "location": "\(earlier)"]))
                continue
            }
            index[id] = drafts.count
            drafts.append(Draft(id: id, base: item, file: file))
        }
    }

    private func ruleID(of item: RuleNode, file: String) -> RuleID? {
        guard item.entries != nil else {
            context.report(
                .wrongType, at: item.location,
                Message.text("rules.rule.not_mapping", ["file": file, "found": item.shapeDescription]))
            return nil
        }
        guard let idNode = item["id"] else {
            context.report(.missingKey, at: item.location, Message.text("rules.rule.no_id", ["file": file]))
            return nil
        }
        guard let text = idNode.scalarText, RuleSet.isValidRuleID(text) else {
            context.report(
                .wrongType, at: idNode.location,
                Message.text("rules.rule.bad_id", ["file": file, "found": idNode.shapeDescription]))
            return nil
        }
        return RuleID(text)
    }

    private mutating func readOverlay(_ root: RuleNode, file: String) {
        guard
            let top = ParameterMap(
                root, keys: ["overlay", "says", "rules"], ruleID: RuleID(file),
                path: Message.text("rules.path.top_level"), context: context),
            let list = top.value("rules")
        else { return }
        guard let items = list.items else {
            context.report(
                .wrongType, at: list.location,
                Message.text("rules.file.rules_not_list", ["file": file, "found": list.shapeDescription]))
            return
        }
        for item in items {
            guard let id = ruleID(of: item, file: file) else { continue }
            let allowed = Self.envelopeKeys + ["scope"]
            let path = Message.text("rules.path.overlay_entry")
            _ = ParameterMap(item, keys: allowed, ruleID: id, path: path, context: context)
            let communities = readScope(item, id: id)
            let patch = OverlayMerge.patch(from: item, removing: ["scope"])
            if let existing = index[id] {
                if let newType = item["type"], let oldType = drafts[existing].base["type"],
                    newType.scalarText != oldType.scalarText
                {
                    let arguments = [
                        "rule": id.rawValue, "type": oldType.scalarText ?? "?", "location": "\(oldType.location)",
                    ]
                    context.report(
                        .contradiction, at: newType.location, Message.text("rules.overlay.type_change", arguments))
                    continue
                }
                drafts[existing].steps.append(Step(communities: communities, patch: patch, file: file))
            } else {
                // A `type` marks an entry as a new rule; its other keys are then checked like a base rule's.
                guard item["type"] != nil, communities == nil else {
                    let hint = NearestName.hint(for: id.rawValue, among: drafts.map(\.id.rawValue))
                    context.report(
                        .unknownRule, at: item["id"]?.location ?? item.location,
                        Message.text("rules.overlay.unknown_rule", ["rule": id.rawValue, "hint": hint]))
                    continue
                }
                index[id] = drafts.count
                drafts.append(Draft(id: id, base: patch, file: file))
            }
        }
    }

    private func readScope(_ item: RuleNode, id: RuleID) -> [CommunityID]? {
        guard let scopeNode = item["scope"] else { return nil }
        guard let scope = ParameterMap(scopeNode, keys: ["community"], ruleID: id, path: "scope", context: context),
            let list = scope.words("community")
        else { return [] }
        return list.value.map(CommunityID.init(rawValue:))
    }

    // MARK: - Rules

    /// `applies_to.community` limits rules of which a set holds several (a visit frequency for one community); a
    /// rule that exists once holds everywhere and is changed for a community by an overlay's `scope`.
    private func checkCommunityLimits(_ rules: [Rule]) {
        for rule in rules where !rule.type.allowsSeveral && !rule.scope.communities.isEmpty {
            let arguments = [
                "rule": rule.id.rawValue, "type": rule.type.rawValue, "example": "scope: { community: [...] }",
            ]
            context.report(
                .contradiction, at: rule.entry["applies_to"]?["community"]?.location ?? rule.location,
                Message.text("rules.rule.community_limit", arguments))
        }
    }

    private func resolve(_ draft: Draft, community: CommunityID?) -> RuleNode {
        var node = draft.base
        for step in draft.steps {
            if let communities = step.communities {
                guard let community, communities.contains(community) else { continue }
            }
            node = OverlayMerge.merge(node, step.patch)
        }
        return node
    }

    private func readVocabularies(_ entries: [RuleNode]) {
        for entry in entries {
            guard let id = entry["id"]?.scalarText, let type = entry["type"]?.scalarText,
                let parameters = entry["parameters"]
            else { continue }
            let ruleID = RuleID(id)
            switch RuleType(rawValue: type) {
            case .categoryVocabulary:
                let map = ParameterMap(
                    parameters, keys: ["categories"], ruleID: ruleID, path: "parameters", context: context)
                let items = map?.maps("categories", keys: ["id", "label"]) ?? []
                let ids = items.compactMap { $0.text("id")?.value }
                _ = items.map { $0.text("label", required: false) }
                if !ids.isEmpty { context.categories = Set(ids) }
            case .skillVocabulary:
                let map = ParameterMap(
                    parameters, keys: ["skills"], ruleID: ruleID, path: "parameters", context: context)
                context.skills = Set(map?.words("skills")?.value ?? [])
            case .compoundTypeVocabulary:
                let map = ParameterMap(
                    parameters, keys: ["compound_types"], ruleID: ruleID, path: "parameters", context: context)
                context.compoundTypes = Set(map?.words("compound_types")?.value ?? [])
            default:
                continue
            }
        }
    }

    private func readEnvelopes(_ entries: [RuleNode], drafts: [Draft], community: CommunityID?) -> [Rule] {
        zip(entries, drafts).compactMap { entry, draft in
            let overlays = draft.steps.filter { step in
                step.communities.map { communities in community.map(communities.contains) ?? false } ?? true
            }.map(\.file)
            return readEnvelope(entry, id: draft.id, overlays: overlays)
        }
    }

    private func readEnvelope(_ entry: RuleNode, id: RuleID, overlays: [String]) -> Rule? {
        guard let map = ParameterMap(entry, keys: Self.envelopeKeys, ruleID: id, path: "rule", context: context) else {
            return nil
        }
        let type = map.word("type", oneOf: RuleType.allCases.map(\.rawValue)).flatMap { RuleType(rawValue: $0.value) }
        let kindWord = map.word("kind", oneOf: ["hard", "soft"])
        var kind: RuleKind?
        switch kindWord?.value {
        case "hard":
            if let weight = entry.entry("weight") {
                context.report(
                    .contradiction, at: weight.keyLocation,
                    Message.text("rules.rule.hard_with_weight", ["rule": id.rawValue]))
            } else {
                kind = .hard
            }
        case "soft":
            if let weight = map.number("weight") {
                if weight.value > 0 {
                    kind = .soft(weight: weight.value)
                } else {
                    context.report(
                        .outOfRange, at: weight.location,
                        Message.text(
                            "rules.rule.soft_weight_not_positive",
                            ["rule": id.rawValue, "weight": RuleKind.format(weight.value)]))
                }
            }
        default:
            break
        }
        let source = map.text("source")
        if let source, context.sources[source.value] == nil {
            let hint = NearestName.hint(for: source.value, among: context.sources.keys)
            context.report(
                .unknownSource, at: source.location,
                Message.text("rules.rule.unknown_source", ["rule": id.rawValue, "source": source.value, "hint": hint]))
        }
        let says = map.text("says")
        var scope = RuleScope()
        if let applies = map.map("applies_to", keys: ["community", "compound_type", "category"], required: false) {
            scope.communities =
                applies.words("community", required: false)?.value.map(CommunityID.init(rawValue:)) ?? []
            scope.compoundTypes = applies.compoundTypes("compound_type", required: false)?.value ?? []
            scope.categories = applies.categories("category", required: false)?.value ?? []
        }
        guard let parameters = map.value("parameters") else { return nil }
        guard let type, let kind, let source, let says, context.sources[source.value] != nil else { return nil }
        return Rule(
            id: id, type: type, kind: kind, source: source.value, says: says.value, scope: scope,
            parameters: parameters, entry: entry, location: entry["id"]?.location ?? entry.location, overlays: overlays
        )
    }
}
