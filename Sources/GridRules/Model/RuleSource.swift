/// A document a rule may cite as its source (Rules/sources.yaml, built from the rules catalogue).
public struct RuleSource: Hashable, Sendable {
    /// The id a rule's `source` names.
    public var id: String
    /// `seed`, `spec`, `design`, `standard`, `policy`, `city`, `practice` or `software`.
    public var kind: String
    /// Evidence tag: `S`, `P`, `M` or `SEED`.
    public var tag: String
    /// What the document is and what it says.
    public var title: String
    /// Which catalogue lists it: `rules`, `time-bank` or `data-format`.
    public var catalogue: String
    /// Text that appears verbatim in that catalogue (a URL or a citation key).
    public var citedAs: String
    /// Where the entry is written.
    public var location: SourceLocation
}
