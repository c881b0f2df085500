/// Keeps a spreadsheet from running a cell as a formula (OWASP "CSV injection"), and takes the guard back when the
/// engine reads its own files.
///
/// Excel, WPS and LibreOffice run a cell that begins with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(...)`,
/// `@SUM(...)`), and a leading TAB or CR can hide such a start. ``neutralise(_:)`` puts an apostrophe before such
/// a cell, which spreadsheets show as text; ``restore(_:)`` removes exactly that apostrophe again.
///
/// Numbers are left alone: a cell that is wholly a plain decimal number (`-3`, `-0.5`, `+2`, `-1.5e-5`) cannot
/// be a formula, and a spreadsheet must still read it as a number.
public enum CSVFormulaGuard {
    /// The apostrophe put before a risky cell.
    public static let mark: UInt8 = 0x27

    /// The cell with a leading apostrophe when it begins with `=`, `+`, `-`, `@`, TAB or CR and is not a number.
    /// - Complexity: O(1) for most cells; O(n) for one that begins with `-` or `+`.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.utf8.first, isTrigger(first), !isPlainNumber(cell.utf8) else { return cell }
        return "'" + cell
    }

    /// The cell without the apostrophe ``neutralise(_:)`` added: one leading `'` is dropped when a trigger
    /// character follows it.
    public static func restore(_ cell: String) -> String {
        let utf8 = cell.utf8
        guard utf8.count >= 2, utf8.first == mark, isTrigger(utf8[utf8.index(after: utf8.startIndex)]) else {
            return cell
        }
        return String(cell.dropFirst())
    }

    /// ``restore(_:)`` on raw cell bytes, without building a string.
    static func restore(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard bytes.count >= 2, bytes.first == mark, isTrigger(bytes[bytes.startIndex + 1]) else { return bytes }
        return bytes.dropFirst()
    }

    /// `=`, `+`, `-`, `@`, TAB, CR.
    static func isTrigger(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
    }

    /// `[+-]digits[.digits][e[+-]digits]`, nothing else.
    static func isPlainNumber<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var index = bytes.startIndex
        func digits() -> Int {
            var count = 0
            while index < bytes.endIndex, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                count += 1
                index = bytes.index(after: index)
            }
            return count
        }
        func skip(_ accepted: (UInt8) -> Bool) {
            if index < bytes.endIndex, accepted(bytes[index]) { index = bytes.index(after: index) }
        }
        skip { $0 == 0x2B || $0 == 0x2D }
        guard digits() > 0 else { return false }
        if index < bytes.endIndex, bytes[index] == 0x2E {
            index = bytes.index(after: index)
            guard digits() > 0 else { return false }
        }
        if index < bytes.endIndex, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index = bytes.index(after: index)
            skip { $0 == 0x2B || $0 == 0x2D }
            guard digits() > 0 else { return false }
        }
        return index == bytes.endIndex
    }
}
