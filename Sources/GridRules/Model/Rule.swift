import GridModel

/// One rule after overlays: its envelope (id, type, kind, source, what it says, where it applies) and its
/// parameters as written, with the locations of every value.
public struct Rule: Hashable, Sendable {
    /// The rule's id, cited by every assignment that satisfies it.
    public var id: RuleID
    /// The schema of its parameters.
    public var type: RuleType
    /// Hard, or soft with a weight.
    public var kind: RuleKind
    /// The id of the document it comes from (an entry of sources.yaml).
    public var source: String
    /// One sentence: what the rule says.
    public var says: String
    /// Where the rule applies (`applies_to`).
    public var scope: RuleScope
    /// The parameters as written (a mapping), merged from the base file and any overlays.
    public var parameters: RuleNode
    /// The whole merged rule entry, for printing.
    public var entry: RuleNode
    /// Where the rule's id is written (its base file, or the overlay that added it).
    public var location: SourceLocation
    /// The overlay files that changed this rule, in the order they were applied.
    public var overlays: [String]
}
