/// Builds iCalendar content lines (RFC 5545 §3.1): escaped text values, quoted parameters, and lines folded at
/// 75 octets with CRLF line ends, never inside a UTF-8 character.
public enum ICSContentLine {
    /// The longest physical line, in octets, CRLF excluded.
    public static let maximumOctets = 75

    /// A TEXT value (§3.3.11): backslash, semicolon and comma escaped; every line break becomes `\n`.
    public static func escapeText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n":
                if !previousWasCR { result += "\\n" }
            default:
                // Other control characters are not allowed in TEXT; drop them.
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    break
                }
                result.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return result
    }

    /// A parameter value (§3.2): quoted when it holds `:`, `;` or `,`; double quotes and control characters, which
    /// a parameter value cannot hold, are dropped.
    public static func parameterValue(_ text: String) -> String {
        var clean = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar != "\"" && scalar.value >= 0x20 && scalar.value != 0x7F {
            clean.append(scalar)
        }
        let value = String(clean)
        return value.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(value)\"" : value
    }

    /// A URI built from text (an ATTENDEE's `urn:wangge:person:ID`): every octet outside RFC 3986's unreserved set
    /// (`A-Z a-z 0-9 - . _ ~`) percent-encoded, so that no `:`, `;`, `,`, quote or line break of an id reaches the
    /// line. TEXT escaping (``escapeText(_:)``) does not apply to URI values (RFC 5545 §3.3.13): a client would show
    /// the backslashes.
    public static func uriComponent(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E:
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }

    /// The content line folded into physical lines of at most 75 octets, each ending in CRLF; continuation lines
    /// start with one space (which counts in their 75 octets). A UTF-8 character is never split.
    /// - Complexity: O(n) in the line's octets.
    public static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        var limit = maximumOctets
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if octets + width > limit {
                result += "\r\n "
                octets = 1
                limit = maximumOctets
            }
            result.unicodeScalars.append(scalar)
            octets += width
        }
        return result + "\r\n"
    }
}
