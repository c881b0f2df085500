import Foundation

/// The language of what the engine writes for people: messages, summaries, reasons.
///
/// Chinese is the default whatever the machine's locale says: street offices run machines set up in any language,
/// and a plan must read the same on all of them (the same input gives the same bytes). English is `--lang en`.
/// Printouts are always bilingual, Chinese first, whatever this says.
public enum Language: String, CaseIterable, Hashable, Sendable, Codable {
    case chinese = "zh-CN"
    case english = "en"

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
