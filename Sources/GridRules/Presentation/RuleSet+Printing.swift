import GridModel

extension RuleSet {
    /// The merged rule set as YAML, grouped by the file that defines each rule; with `effective`, every value
    /// carries the file, line and column it came from (an overlay's for the values it set). Rules that overlays
    /// scope to communities follow, one section per community. The comments are in the command's language; the
    /// YAML is as written. Deterministic.
    public func rendered(effective: Bool) -> String {
        let language = Language.current
        let emitter = RuleNodeEmitter(withProvenance: effective)
        var lines = [
            Message.text("rules.show.rule_set", ["origin": origin.description, "files": language.list(files)]),
            Message.text("rules.show.identity", ["hash": identity.hash]),
        ]
        if !overlayFiles.isEmpty {
            lines.append(Message.text("rules.show.overlays", ["files": language.list(overlayFiles)]))
        }
        let groups = Dictionary(grouping: rules, by: \.location.file)
        let order = files + overlayFiles
        for file in order {
            guard let group = groups[file], !group.isEmpty else { continue }
            lines.append("")
            lines.append(Message.text("rules.show.from_file", ["file": file]))
            lines.append("rules:")
            for rule in group { lines += emitter.lines(forEntry: rule.entry, indent: 2) }
        }
        for community in scopedCommunities {
            let local = rulesScoped(to: community)
            guard !local.isEmpty else { continue }
            lines.append("")
            lines.append(Message.text("rules.show.community", ["community": community.rawValue]))
            lines.append("community_\(community.rawValue):")
            for rule in local { lines += emitter.lines(forEntry: rule.entry, indent: 2) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a rule says, where it applies, its level, its source and where each value came from; nil for an
    /// unknown id. The labels are in the command's language; what the rule file says is as written.
    public func explanation(of id: RuleID) -> String? {
        guard let rule = rule(id) else { return nil }
        let language = Language.current
        func line(_ indent: Int, _ key: String, _ arguments: [String: String] = [:]) -> String {
            String(repeating: " ", count: indent) + Message.text(key, arguments)
        }
        var lines = ["\(rule.id): \(rule.says)"]
        lines.append(line(2, "rules.explain.level", ["level": rule.kind.description]))
        lines.append(line(2, "rules.explain.type", ["type": rule.type.rawValue]))
        lines.append(line(2, "rules.explain.applies_to", ["scope": rule.scope.description]))
        if let source = source(rule.source) {
            let arguments = [
                "source": source.id, "title": source.title, "tag": source.tag, "kind": source.kind,
                "cited_as": source.citedAs,
            ]
            lines.append(line(2, "rules.explain.source", arguments))
        } else {
            lines.append(line(2, "rules.explain.source_id", ["source": rule.source]))
        }
        lines.append(line(2, "rules.explain.defined_at", ["location": "\(rule.location)"]))
        if !rule.overlays.isEmpty {
            lines.append(line(2, "rules.explain.changed_by", ["overlays": language.list(rule.overlays)]))
        }
        if isSensitive(rule.id) { lines.append(line(2, "rules.explain.sensitive")) }
        lines.append(line(2, "rules.explain.parameters"))
        let emitter = RuleNodeEmitter(withProvenance: true)
        lines += emitter.lines(forMapping: rule.parameters, indent: 4)
        for community in scopedCommunities {
            guard let local = self.rule(id, in: community), local.entry != rule.entry else { continue }
            let overlays = language.list(local.overlays)
            lines.append(
                line(2, "rules.explain.in_community", ["community": community.rawValue, "overlays": overlays]))
            lines.append(line(4, "rules.explain.community_level", ["level": local.kind.description]))
            lines.append(line(4, "rules.explain.community_source", ["source": local.source]))
            lines.append(line(4, "rules.explain.community_parameters"))
            lines += emitter.lines(forMapping: local.parameters, indent: 6)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
