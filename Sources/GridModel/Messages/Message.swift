/// A text for people, kept as its catalogue key and arguments until it is written, so that the language is
/// chosen where files and summaries are written (`--lang`), not deep inside planning, and so that tests can check
/// what was said without depending on its wording.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    /// A row of Tables/*.tsv.
    public let key: String
    /// The values of the text's `{placeholders}`, already formatted (numbers, ids, names).
    public let arguments: [String: String]

    /// The message `key` (a row of Tables/*.tsv) with the values of its placeholders.
    public init(_ key: String, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// The text in `language`, from the built-in catalogue.
    public func text(in language: Language) -> String {
        MessageCatalogue.standard.text(key, arguments, in: language)
    }

    /// Chinese and English, Chinese first, for printouts.
    public var bilingual: String { MessageCatalogue.standard.bilingual(key, arguments) }

    /// The text in the command's language (``Language/current``: Chinese unless `--lang en`).
    public var description: String { text(in: .current) }

    /// The text of `key` (a row of Tables/*.tsv) with `arguments`, in the command's language: the one call most
    /// code needs (`Message.text("role.grid_leader")`, or with arguments, `Message.text(key, ["grid": id.rawValue])`).
    public static func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        MessageCatalogue.standard.text(key, arguments, in: .current)
    }
}
