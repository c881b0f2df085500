import GridModel

/// A YAML value read from a rule file, with the location of every part of it.
///
/// Rule files are composed into this small tree (rather than kept as Yams nodes) so that values are `Sendable`,
/// overlays can be merged key by key, and every leaf keeps the file, line and column it came from.
public struct RuleNode: Hashable, Sendable {
    /// The shape of a node.
    public enum Value: Hashable, Sendable {
        /// A scalar's text; `isPlain` is false for a quoted scalar, which is always a string.
        case scalar(String, isPlain: Bool)
        /// A list.
        case sequence([RuleNode])
        /// A mapping, in file order.
        case mapping([Entry])
    }

    /// One key of a mapping with the location of the key itself.
    public struct Entry: Hashable, Sendable {
        /// The key.
        public var key: String
        /// Where the key is written.
        public var keyLocation: SourceLocation
        /// The value under the key.
        public var value: RuleNode
    }

    /// The node's value.
    public var value: Value
    /// Where the node starts.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The scalar's text, nil for a list or mapping.
    public var scalarText: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// True for an empty plain scalar, `~` or `null`: a key written without a value.
    public var isNull: Bool {
        if case .scalar(let text, true) = value { return text.isEmpty || text == "~" || text == "null" }
        return false
    }

    /// The mapping's entries, nil for a scalar or list.
    public var entries: [Entry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    /// The list's items, nil for a scalar or mapping.
    public var items: [RuleNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The value under `key` in a mapping.
    public subscript(key: String) -> RuleNode? {
        entries?.first { $0.key == key }?.value
    }

    /// The entry for `key` in a mapping.
    public func entry(_ key: String) -> Entry? {
        entries?.first { $0.key == key }
    }

    /// Words for error messages, in the command's language: "a mapping", "a list" or the scalar quoted.
    var shapeDescription: String {
        switch value {
        case .scalar(let text, _): return Message.text("rules.shape.scalar", ["text": text])
        case .sequence: return Message.text("rules.shape.list")
        case .mapping: return Message.text("rules.shape.mapping")
        }
    }

    /// `text` in the quotation marks of the command's language: “x” in Chinese, 'x' in English.
    static func quoted(_ text: String) -> String {
        Language.current == .chinese ? "“\(text)”" : "'\(text)'"
    }

    /// Every scalar text in the tree, depth first.
    var allScalars: [String] {
        switch value {
        case .scalar(let text, _): return [text]
        case .sequence(let items): return items.flatMap(\.allScalars)
        case .mapping(let entries): return entries.flatMap(\.value.allScalars)
        }
    }
}
