/// The merge of an overlay entry onto a rule, key path by key path.
///
/// Semantics (Rules/README.md): a mapping merges key by key (keys only in the base stay, keys only in the overlay
/// are added, keys in both merge recursively); a scalar replaces; a list replaces the whole list; a value of a
/// different shape replaces. Every value keeps the location it was written at, so provenance names the overlay
/// file for exactly the values it set.
enum OverlayMerge {
    static func merge(_ base: RuleNode, _ patch: RuleNode) -> RuleNode {
        guard let baseEntries = base.entries, let patchEntries = patch.entries else { return patch }
        var merged = baseEntries
        for entry in patchEntries {
            if let index = merged.firstIndex(where: { $0.key == entry.key }) {
                merged[index].value = merge(merged[index].value, entry.value)
            } else {
                merged.append(entry)
            }
        }
        return RuleNode(.mapping(merged), at: base.location)
    }

    /// The entry without the keys that steer the overlay rather than change the rule.
    static func patch(from entry: RuleNode, removing keys: Set<String>) -> RuleNode {
        guard let entries = entry.entries else { return entry }
        return RuleNode(.mapping(entries.filter { !keys.contains($0.key) }), at: entry.location)
    }
}
