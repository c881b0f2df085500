/// What a cell's number format says about how to read its number: a date, a time, a date and time, an id padded
/// with zeros (`000123` stored as 123 with format `000000`), or a plain number.
enum WorkbookCellFormat: Hashable, Sendable {
    case number
    case date
    case time
    case dateTime
    case zeroPadded(width: Int)

    /// Excel's built-in date and time formats, including the ones Chinese Excel adds (27–36, 50–58).
    init(formatID: Int, code: String?) {
        switch formatID {
        case 14...17, 27...31, 34...36, 50...58: self = .date
        case 18...21, 32, 33, 45...47: self = .time
        case 22: self = .dateTime
        default: self = code.map(Self.init(code:)) ?? .number
        }
    }

    /// A custom format code: quoted text, `[…]` sections (colours, locales, elapsed time) and escaped characters
    /// are not format letters; y or d make a date, h or s a time (m alone is ambiguous and reads as a date only
    /// beside y or d).
    init(code: String) {
        let section = code.split(separator: ";", maxSplits: 1).first.map(String.init) ?? code
        if !section.isEmpty, section.allSatisfy({ $0 == "0" }) {
            self = .zeroPadded(width: section.count)
            return
        }
        var letters = Set<Character>()
        var inQuote = false
        var inBracket = false
        var escaping = false
        for character in section {
            if escaping {
                escaping = false
                continue
            }
            switch character {
            case "\\": escaping = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            default:
                if !inQuote, !inBracket { letters.insert(Character(character.lowercased())) }
            }
        }
        let hasDate = letters.contains("y") || letters.contains("d")
        let hasTime = letters.contains("h") || letters.contains("s")
        switch (hasDate, hasTime) {
        case (true, true): self = .dateTime
        case (true, false): self = .date
        case (false, true): self = .time
        case (false, false): self = .number
        }
    }
}
