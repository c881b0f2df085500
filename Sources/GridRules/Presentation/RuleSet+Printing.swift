import GridModel

extension RuleSet {
    /// The merged rule set as YAML, grouped by the file that defines each rule; with `effective`, every value
    /// carries the file, line and column it came from (an overlay's for the values it set). Rules that overlays
    /// scope to communities follow, one section per community. Deterministic.
    public func rendered(effective: Bool) -> String {
        let emitter = RuleNodeEmitter(withProvenance: effective)
        var lines = [
            "# rule set: \(origin) (\(files.joined(separator: ", ")))",
            "# identity: \(identity.hash)",
        ]
        if !overlayFiles.isEmpty { lines.append("# overlays, in order: \(overlayFiles.joined(separator: ", "))") }
        let groups = Dictionary(grouping: rules, by: \.location.file)
        let order = files + overlayFiles
        for file in order {
            guard let group = groups[file], !group.isEmpty else { continue }
            lines.append("")
            lines.append("# from \(file)")
            lines.append("rules:")
            for rule in group { lines += emitter.lines(forEntry: rule.entry, indent: 2) }
        }
        for community in scopedCommunities {
            let local = rulesScoped(to: community)
            guard !local.isEmpty else { continue }
            lines.append("")
            lines.append("# community \(community): these rules differ there (scoped overlays)")
            lines.append("community_\(community.rawValue):")
            for rule in local { lines += emitter.lines(forEntry: rule.entry, indent: 2) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a rule says, where it applies, its level, its source and where each value came from; nil for an
    /// unknown id.
    public func explanation(of id: RuleID) -> String? {
        guard let rule = rule(id) else { return nil }
        var lines = ["\(rule.id): \(rule.says)"]
        lines.append("  level:      \(rule.kind)")
        lines.append("  type:       \(rule.type.rawValue)")
        lines.append("  applies to: \(rule.scope)")
        if let source = source(rule.source) {
            lines.append(
                "  source:     \(source.id): \(source.title) [\(source.tag), \(source.kind); \(source.citedAs)]")
        } else {
            lines.append("  source:     \(rule.source)")
        }
        lines.append("  defined at: \(rule.location)")
        if !rule.overlays.isEmpty { lines.append("  changed by: \(rule.overlays.joined(separator: ", "))") }
        if isSensitive(rule.id) { lines.append("  sensitive:  yes; this rule id never appears on public printouts") }
        lines.append("  parameters (value, then where it was written):")
        let emitter = RuleNodeEmitter(withProvenance: true)
        lines += emitter.lines(forMapping: rule.parameters, indent: 4)
        for community in scopedCommunities {
            guard let local = self.rule(id, in: community), local.entry != rule.entry else { continue }
            lines.append("  in community \(community) (scoped overlay \(local.overlays.joined(separator: ", "))):")
            lines.append("    level:  \(local.kind)")
            lines.append("    source: \(local.source)")
            lines.append("    parameters:")
            lines += emitter.lines(forMapping: local.parameters, indent: 6)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
