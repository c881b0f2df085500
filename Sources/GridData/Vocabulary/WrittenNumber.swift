/// Numbers as planners type them: `1,200` and `1，200` (thousands separators), full-width digits (`１２０`, typed by
/// Chinese input methods), and `84.0` for a whole number (Excel shows whole numbers so after a format change).
///
/// The meaning stays strict: a comma must group digits in threes (`1,2` and `12,00` are refused, as they may be a
/// decimal comma or a typo), and a whole-number column refuses `84.5`. Only cells the plain fast path of
/// ``CSVRow`` cannot read come here, so the common case costs nothing.
public enum WrittenNumber {
    /// What a cell holds, read as a whole number.
    public enum Whole: Equatable, Sendable {
        case value(Int)
        /// A number with a fraction that is not zero (`84.5`).
        case fractional(Double)
        /// Commas that do not group digits in threes (`1,2`, `12,00`).
        case badGrouping
        /// More digits than any count here can have.
        case tooLong
        case notANumber
    }

    /// Reads a whole number: optional sign, digits (ASCII or full-width) with optional thousands commas, and an
    /// optional fraction of zeros only.
    public static func whole(_ text: String) -> Whole {
        guard let plain = normalised(text) else { return .notANumber }
        var body = Substring(plain)
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let integerPart = parts.first else { return .notANumber }
        guard let digits = ungrouped(integerPart) else {
            return integerPart.contains(",") && isGroupable(integerPart) ? .badGrouping : .notANumber
        }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return .notANumber }
            if fraction.contains(where: { $0 != "0" }) {
                return .fractional(Double((negative ? "-" : "") + digits + "." + fraction) ?? 0)
            }
        }
        // 18 digits cannot overflow Int64; anything longer is absurd for any count here.
        guard digits.count <= 18 else { return .tooLong }
        guard let value = Int(digits) else { return .notANumber }
        return .value(negative ? -value : value)
    }

    /// Reads a decimal: the forms of ``whole(_:)`` with any fraction, or scientific notation; nil when the text is
    /// no number (`nan` and `inf` are left to the caller, which reports them as not finite).
    public static func decimal(_ text: String) -> Double? {
        guard let plain = normalised(text) else { return nil }
        if let value = Double(plain) { return value }
        var body = Substring(plain)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            sign = String(first)
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let integerPart = parts.first, integerPart.contains(","),
            let digits = ungrouped(integerPart)
        else { return nil }
        let fraction = parts.count == 2 ? "." + parts[1] : ""
        guard parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)) else { return nil }
        return Double(sign + digits + fraction)
    }

    /// Digits grouped in threes by commas (`1,200,000`), or plain digits, as plain digits; nil otherwise.
    static func ungrouped(_ text: Substring) -> String? {
        guard !text.isEmpty else { return nil }
        guard text.contains(",") else { return text.allSatisfy(\.isASCIIDigit) ? String(text) : nil }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        // `0,118` groups nothing: a leading zero before a comma is a decimal comma or a typo.
        guard let head = groups.first, (1...3).contains(head.count), head.allSatisfy(\.isASCIIDigit),
            head.first != "0"
        else { return nil }
        for group in groups.dropFirst() where group.count != 3 || !group.allSatisfy(\.isASCIIDigit) { return nil }
        return groups.joined()
    }

    /// Whether the text is digits and commas only, so that a refused grouping is named as such.
    private static func isGroupable(_ text: Substring) -> Bool {
        text.allSatisfy { $0.isASCIIDigit || $0 == "," } && text.contains(where: \.isASCIIDigit)
    }

    /// The text with full-width digits, signs, comma and point made ASCII; nil when it holds anything but digits,
    /// signs, commas, points and (for scientific notation) `e`.
    static func normalised(_ text: String) -> String? {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19:  // FULLWIDTH DIGIT ZERO … NINE
                result.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? scalar)
            case 0xFF0C: result.append(",")  // FULLWIDTH COMMA
            case 0xFF0E: result.append(".")  // FULLWIDTH FULL STOP
            case 0xFF0D, 0x2212: result.append("-")  // FULLWIDTH HYPHEN-MINUS, MINUS SIGN
            case 0xFF0B: result.append("+")  // FULLWIDTH PLUS SIGN
            case 0x30...0x39, 0x2C, 0x2E, 0x2D, 0x2B, 0x45, 0x65: result.append(scalar)
            default: return nil
            }
        }
        return result.isEmpty ? nil : String(result)
    }

    /// The text with full-width digits and the full-width `－ ／ ． ：` made ASCII, other characters kept (for dates
    /// and times); nil for empty text.
    static func normalisedDigits(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return text.isEmpty ? nil : text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: result.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? scalar)
            case 0xFF0D: result.append("-")
            case 0xFF0F: result.append("/")
            case 0xFF0E: result.append(".")
            case 0xFF1A: result.append(":")
            default: result.append(scalar)
            }
        }
        return result.isEmpty ? nil : String(result)
    }
}

extension Character {
    /// `0` … `9` only (not other scripts' digits, which `isNumber` accepts).
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
