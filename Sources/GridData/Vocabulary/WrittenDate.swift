import GridModel

/// Dates as planners type them: `2026-11-23` (ISO 8601), `2026/11/23` and `2026/1/5` (Excel's default on Chinese
/// Windows), `2026.11.23`, and `2026年11月23日`, with ASCII or full-width digits.
///
/// The year comes first in every form, so no form is ambiguous (`11/23/2026` and `23.11.2026` are refused rather
/// than guessed); the day must exist. Times follow a date after `T` or a space: `2026/11/23 09:00`.
public enum WrittenDate {
    /// The forms accepted, for messages.
    /// In the command's language (``Language/current``).
    public static var forms: String { Message.text("data.date.forms", ["chinese_form": "YYYY年M月D日"]) }

    /// The date a cell or option gives; nil when it is none of the forms or the day does not exist.
    public static func date(_ text: String) -> CalendarDate? {
        if let date = CalendarDate(parsing: text) { return date }
        guard var plain = WrittenNumber.normalisedDigits(text) else { return nil }
        let separator: Character
        if plain.hasSuffix("日"), plain.contains("年"), plain.contains("月") {
            plain = String(plain.dropLast()).replacingOccurrences(of: "年", with: "-")
                .replacingOccurrences(of: "月", with: "-")
            separator = "-"
        } else if let first = plain.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) {
            separator = first
        } else {
            return nil
        }
        let parts = plain.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// A date and time: a date of ``date(_:)``, then `T` or a space and `HH:MM` (`:SS` ignored); a bare date is
    /// midnight.
    public static func dateTime(_ text: String) -> LocalDateTime? {
        if let value = LocalDateTime(parsing: text) { return value }
        let separator: Character = text.contains("T") ? "T" : " "
        let halves = text.split(separator: separator, maxSplits: 1, omittingEmptySubsequences: true)
        guard let first = halves.first, let date = date(String(first)) else { return nil }
        guard halves.count == 2 else { return LocalDateTime(date: date, minuteOfDay: 0) }
        guard var clock = WrittenNumber.normalisedDigits(String(halves[1])) else { return nil }
        clock = clock.replacingOccurrences(of: "：", with: ":")
        // `9:00` as Excel shows it: pad the hour.
        if let colon = clock.firstIndex(of: ":"), clock.distance(from: clock.startIndex, to: colon) == 1 {
            clock = "0" + clock
        }
        return LocalDateTime(parsing: "\(date)T\(clock)")
    }

    /// The ISO week an option names: `2026-W48`, or any date inside the week (`2026-11-23`, `2026/11/23`).
    public static func week(_ text: String) -> ISOWeek? {
        if let week = ISOWeek(parsing: text) { return week }
        return date(text).map(ISOWeek.init(containing:))
    }
}
