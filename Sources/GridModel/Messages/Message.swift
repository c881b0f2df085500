/// A text for people, kept as its catalogue key and arguments until it is written, so that the language is
/// chosen where files and summaries are written (`--lang`), not deep inside planning, and so that tests can check
/// what was said without depending on its wording.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    /// A row of messages.tsv.
    public let key: String
    /// The values of the text's `{placeholders}`, already formatted (numbers, ids, names).
    public let arguments: [String: String]

    /// The message `key` (a row of messages.tsv) with the values of its placeholders.
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

    /// The Chinese text: the engine's default language.
    public var description: String { text(in: .chinese) }
}
