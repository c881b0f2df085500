/// Which rules made a plan: a SHA-256 over the rule files' relative names and contents, written in kpis.json
/// (never in CSV files). The rules module computes it.
public struct RuleSetIdentity: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `sha256:` and 64 hex digits.
    public var hash: String
    /// The base files' relative names, sorted.
    public var files: [String]
    /// The overlays' names, in the order applied.
    public var overlays: [String]

    /// An identity with every field given.
    public init(hash: String, files: [String], overlays: [String]) {
        self.hash = hash
        self.files = files
        self.overlays = overlays
    }

    /// The hash.
    public var description: String { hash }
}
