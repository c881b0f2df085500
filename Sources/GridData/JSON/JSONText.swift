import GridModel

/// JSON text pieces for the writers that print JSON by hand to keep key order and number format deterministic.
public enum JSONText {
    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped (RFC 8259 §7).
    public static func quoted(_ text: String) -> String {
        "\"" + text.escaped(escapes, other: controlEscape) + "\""
    }

    private static let escapes: [Unicode.Scalar: String] = [
        "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
    ]

    /// `\u00XX` for the other control characters.
    private static func controlEscape(_ scalar: Unicode.Scalar) -> String? {
        guard scalar.value < 0x20 else { return nil }
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
