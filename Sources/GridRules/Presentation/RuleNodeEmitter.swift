import GridModel

/// Writes a rule node back as block YAML, optionally with each value's provenance as a trailing comment.
struct RuleNodeEmitter {
    var withProvenance: Bool

    func lines(forEntry node: RuleNode, indent: Int) -> [String] {
        var lines: [String] = []
        emitMapping(node.entries ?? [], indent: indent + 2, into: &lines)
        guard let first = lines.first else { return [String(repeating: " ", count: indent) + "- {}"] }
        lines[0] = String(repeating: " ", count: indent) + "- " + first.dropFirst(indent + 2)
        return lines
    }

    func lines(forMapping node: RuleNode, indent: Int) -> [String] {
        var lines: [String] = []
        emitMapping(node.entries ?? [], indent: indent, into: &lines)
        return lines
    }

    private func comment(_ node: RuleNode) -> String {
        withProvenance ? "  # \(node.location)" : ""
    }

    private func emitMapping(_ entries: [RuleNode.Entry], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for entry in entries {
            switch entry.value.value {
            case .scalar:
                lines.append("\(pad)\(entry.key): \(Self.scalar(entry.value))\(comment(entry.value))")
            case .mapping(let inner) where inner.isEmpty:
                lines.append("\(pad)\(entry.key): {}\(comment(entry.value))")
            case .sequence(let items) where items.isEmpty:
                lines.append("\(pad)\(entry.key): []\(comment(entry.value))")
            case .mapping(let inner):
                lines.append("\(pad)\(entry.key):")
                emitMapping(inner, indent: indent + 2, into: &lines)
            case .sequence(let items):
                lines.append("\(pad)\(entry.key):")
                emitSequence(items, indent: indent + 2, into: &lines)
            }
        }
    }

    private func emitSequence(_ items: [RuleNode], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item.value {
            case .scalar:
                lines.append("\(pad)- \(Self.scalar(item))\(comment(item))")
            case .mapping(let inner) where !inner.isEmpty:
                var nested: [String] = []
                emitMapping(inner, indent: indent + 2, into: &nested)
                if let first = nested.first { nested[0] = pad + "- " + first.dropFirst(indent + 2) }
                lines += nested
            case .sequence(let inner) where !inner.isEmpty:
                var nested: [String] = []
                emitSequence(inner, indent: indent + 2, into: &nested)
                if let first = nested.first { nested[0] = pad + "- " + first.dropFirst(indent + 2) }
                lines += nested
            case .mapping:
                lines.append("\(pad)- {}\(comment(item))")
            case .sequence:
                lines.append("\(pad)- []\(comment(item))")
            }
        }
    }

    /// A scalar as written: plain stays plain, anything quoted is double-quoted with escapes.
    static func scalar(_ node: RuleNode) -> String {
        guard case .scalar(let text, let isPlain) = node.value else { return "" }
        if isPlain && !text.contains("\n") && !text.hasPrefix("#") && !text.contains(": ") && !text.contains(" #") {
            return text
        }
        return "\"" + text.escaped(["\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\t": "\\t"]) + "\""
    }
}
