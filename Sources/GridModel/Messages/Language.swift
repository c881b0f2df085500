import Foundation

/// The language of what the engine writes for people: messages, summaries, reasons.
///
/// Chinese is the default whatever the machine's locale says: street offices run machines set up in any language,
/// and a plan must read the same on all of them (the same input gives the same bytes). English is `--lang en`.
/// Printouts are always bilingual, Chinese first, whatever this says.
public enum Language: String, CaseIterable, Hashable, Sendable, Codable {
    case chinese = "zh-CN"
    case english = "en"

    /// The language messages, summaries and reasons are written in: the command line binds it from `--lang` around
    /// the whole command, and ``parallelMap`` and the street reader carry it to their worker threads.
    ///
    /// A task-local rather than a parameter because the texts are made deep inside planning and reading (a
    /// `Finding`, a `DataIssue`, a CSV reason) and read through `description`, whose signature takes none; the
    /// binding keeps it per command, so tests may run commands in both languages at once.
    @TaskLocal public static var current: Language = .chinese

    /// Between clauses of one message: "；" in Chinese, "; " in English.
    public var clauseSeparator: String { self == .chinese ? "；" : "; " }

    /// Between the items of a list: "、" in Chinese, ", " in English.
    public var listSeparator: String { self == .chinese ? "、" : ", " }

    /// `items` joined with ``listSeparator``.
    public func list<Items: Sequence>(_ items: Items) -> String where Items.Element: StringProtocol {
        items.map { String($0) }.joined(separator: listSeparator)
    }

    /// `clauses` joined with ``clauseSeparator``.
    public func clauses<Clauses: Sequence>(_ clauses: Clauses) -> String where Clauses.Element: StringProtocol {
        clauses.map { String($0) }.joined(separator: clauseSeparator)
    }

    /// The language a `--lang` value names: `zh`, `zh-CN`, `zh_CN`, `cn`, `中文`; `en`, `en-US`, `english`, `英文`.
    /// Nil for anything else.
    public init?(naming text: String) {
        let folded = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
        switch folded {
        case "zh", "zh-cn", "zh-hans", "cn", "chinese", "中文", "简体中文": self = .chinese
        case "en", "en-us", "en-gb", "english", "英文", "英语": self = .english
        default: return nil
        }
    }
}
