import Foundation

/// Writes kpis.json and run.json: pretty-printed, keys sorted and in snake_case, so that equal values give equal
/// bytes.
public enum PlanJSON {
    /// The JSON text of `value`, with a final newline.
    public static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Writes the JSON text of `value` to `url`.
    public static func write(_ value: some Encodable, to url: URL) throws {
        try Data(text(value).utf8).write(to: url)
    }
}
