import GridModel

/// One data row of a street file with typed, checked access to its cells by canonical column name.
///
/// Every accessor that finds a problem adds a ``DataIssue`` (file, line, column, header, value, expectation) to
/// the log and returns nil, so a reader can go on and report every problem of the file.
struct CSVRow {
    let file: String
    let record: CSVRecord
    let header: CSVHeader

    /// The line on which the row starts.
    var line: Int { record.line }

    /// An issue located at a column of this row (or at the row when the file lacks the column).
    func issue(_ column: String, value: String?, problem: String, expected: String? = nil) -> DataIssue {
        guard let index = header.index(of: column) else {
            return DataIssue(file: file, line: line, value: value, problem: problem, expected: expected)
        }
        return DataIssue(
            file: file, line: record.line(ofField: index), column: index + 1, columnName: header.name(at: index),
            value: value, problem: problem, expected: expected)
    }

    /// The cell's bytes with ASCII blanks trimmed; nil when the file lacks the column.
    func bytes(_ column: String) -> ArraySlice<UInt8>? {
        header.index(of: column).map(cell(at:))
    }

    /// The bytes of field `index` as the file meant them: the apostrophe a writer put before a formula-like cell
    /// taken back (``CSVFormulaGuard``), then ASCII blanks trimmed. Every typed accessor reads cells through here.
    func cell(at index: Int) -> ArraySlice<UInt8> {
        var slice = CSVFormulaGuard.restore(record.field(index))
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }

    /// Whether the cell is absent or empty.
    func isEmpty(_ column: String) -> Bool { bytes(column)?.isEmpty ?? true }

    /// The trimmed cell text; nil when absent or empty.
    func text(_ column: String) -> String? {
        guard let slice = bytes(column), !slice.isEmpty else { return nil }
        let text = String(decoding: slice, as: UTF8.self)
        // Full-width spaces are common in hand-typed Chinese cells; trim them too.
        return slice.contains(where: { $0 >= 0x80 }) ? nonEmpty(ColumnAliases.trimmed(text)) : text
    }

    /// The cell text, reporting a missing value.
    func required(_ column: String, what: String, log: inout IssueLog) -> String? {
        if let value = text(column) { return value }
        log.add(
            issue(
                column, value: nil, problem: Message.text("data.cell.missing", ["what": what]),
                expected: Message.text("data.cell.every_row")))
        return nil
    }

    /// A calendar date in one of the forms of ``WrittenDate`` (`2026-11-23`, `2026/11/23`, `2026年11月23日`); nil
    /// (and an issue) when the cell holds no date that exists. Empty cells return nil quietly.
    func date(_ column: String, log: inout IssueLog) -> CalendarDate? {
        guard let text = text(column) else { return nil }
        if let date = WrittenDate.date(text) { return date }
        log.add(
            issue(
                column, value: text, problem: Message.text("data.date.invalid"),
                expected: Message.text("data.date.that_exists", ["forms": WrittenDate.forms])))
        return nil
    }

    /// A whole number within `range` that every row must give: an empty cell is a `missing` issue.
    func requiredInteger(_ column: String, in range: ClosedRange<Int>, what: String, log: inout IssueLog) -> Int? {
        guard isEmpty(column) else { return integer(column, in: range, what: what, log: &log) }
        log.add(
            issue(
                column, value: nil, problem: Message.text("data.cell.missing", ["what": what]),
                expected: Message.text("data.number.whole")))
        return nil
    }

    /// A whole number within `range`; nil (and an issue) when the cell is not one. Empty cells return nil quietly.
    ///
    /// Plain ASCII digits are read straight from the bytes; anything else goes through ``WrittenNumber`` (`1,200`,
    /// `１２０`, `84.0`), which keeps the meaning strict (`84.5` and `12,00` are refused).
    func integer(_ column: String, in range: ClosedRange<Int>, what: String, log: inout IssueLog) -> Int? {
        guard let slice = bytes(column), !slice.isEmpty else { return nil }
        var written: WrittenNumber.Whole
        switch Self.parseInteger(slice) {
        case .value(let value): written = .value(value)
        case .tooLong: written = .tooLong
        case .notInteger: written = WrittenNumber.whole(ColumnAliases.trimmed(String(decoding: slice, as: UTF8.self)))
        }
        let expectation = Self.integerExpectation(range, what)
        var found: String { String(decoding: slice, as: UTF8.self) }
        switch written {
        case .value(let value):
            if range.contains(value) { return value }
            let problem =
                value < 0
                ? Message.text("data.number.negative", ["what": what])
                : Message.text("data.number.out_of_range", ["what": what])
            log.add(issue(column, value: found, problem: problem, expected: expectation))
        case .tooLong:
            log.add(
                issue(
                    column, value: found, problem: Message.text("data.number.out_of_range", ["what": what]),
                    expected: expectation))
        case .fractional(let number):
            let problem =
                number < 0
                ? Message.text("data.number.negative", ["what": what])
                : Message.text("data.number.not_whole", ["what": what])
            log.add(issue(column, value: found, problem: problem, expected: expectation))
        case .badGrouping:
            log.add(
                issue(
                    column, value: found, problem: Message.text("data.number.bad_grouping", ["what": what]),
                    expected: Message.text("data.number.grouping_hint", ["expected": expectation])))
        case .notANumber:
            log.add(
                issue(
                    column, value: found, problem: Message.text("data.number.not_a_number", ["what": what]),
                    expected: expectation))
        }
        return nil
    }

    /// A finite decimal number within `range`; empty cells return nil quietly.
    func decimal(_ column: String, in range: ClosedRange<Double>, what: String, log: inout IssueLog) -> Double? {
        guard let slice = bytes(column), !slice.isEmpty else { return nil }
        let text = String(decoding: slice, as: UTF8.self)
        var expectation: String {
            Message.text(
                "data.number.decimal_in_range",
                ["what": what, "low": Self.format(range.lowerBound), "high": Self.format(range.upperBound)])
        }
        guard let value = Self.parseDecimal(text) else {
            log.add(
                issue(
                    column, value: text, problem: Message.text("data.number.not_a_number", ["what": what]),
                    expected: expectation))
            return nil
        }
        guard value.isFinite else {
            log.add(
                issue(
                    column, value: text, problem: Message.text("data.number.not_finite", ["what": what]),
                    expected: expectation))
            return nil
        }
        guard range.contains(value) else {
            log.add(
                issue(
                    column, value: text, problem: Message.text("data.number.out_of_range", ["what": what]),
                    expected: expectation))
            return nil
        }
        return value
    }

    /// A `;`-separated list (a full-width `；` also separates); items trimmed, empty items dropped.
    ///
    /// - Complexity: O(n) in the cell's bytes; splits bytes rather than characters, as lists fill whole columns.
    func list(_ column: String) -> [String] {
        guard let slice = bytes(column), !slice.isEmpty else { return [] }
        return Self.splitList(slice)
    }

    static func splitList(_ text: String) -> [String] {
        splitList(ArraySlice(text.utf8))
    }

    static func splitList(_ bytes: ArraySlice<UInt8>) -> [String] {
        var items: [String] = []
        var start = bytes.startIndex
        var index = start
        func flush(_ end: Int) {
            var low = start
            var high = end
            while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
            while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
            guard low < high else { return }
            let item = bytes[low..<high]
            if item.contains(where: { $0 >= 0x80 }) {
                if let trimmed = nonEmpty(ColumnAliases.trimmed(String(decoding: item, as: UTF8.self))) {
                    items.append(trimmed)
                }
            } else {
                items.append(String(decoding: item, as: UTF8.self))
            }
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x3B {
                flush(index)
                index += 1
                start = index
            } else if byte == 0xEF, index + 2 < bytes.endIndex, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x9B {
                // U+FF1B FULLWIDTH SEMICOLON, typed by Chinese input methods.
                flush(index)
                index += 3
                start = index
            } else {
                index += 1
            }
        }
        flush(bytes.endIndex)
        return items
    }

    private static func integerExpectation(_ range: ClosedRange<Int>, _ what: String) -> String {
        Message.text(
            "data.number.whole_in_range", ["low": grouped(range.lowerBound), "high": grouped(range.upperBound)])
    }

    enum IntegerParse {
        case value(Int)
        case notInteger
        case tooLong
    }

    /// Parses `[+-]digits` straight from the bytes, so a 400,000-row file allocates nothing for its numbers.
    static func parseInteger(_ bytes: ArraySlice<UInt8>) -> IntegerParse {
        var index = bytes.startIndex
        var negative = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < bytes.endIndex else { return .notInteger }
        var value = 0
        var digits = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else { return .notInteger }
            digits += 1
            // 18 digits cannot overflow Int64; anything longer is absurd for any field here.
            if digits > 18 { return .tooLong }
            value = value * 10 + Int(byte - 0x30)
            index += 1
        }
        return .value(negative ? -value : value)
    }

    /// A decimal in plain or scientific notation, or as ``WrittenNumber/decimal(_:)`` reads it (`1,406.5`,
    /// full-width digits); `nan` and `inf` spellings come back non-finite so that they are reported as such rather
    /// than as "not a number".
    static func parseDecimal(_ text: String) -> Double? {
        if let value = Double(text) { return value }
        if let value = WrittenNumber.decimal(ColumnAliases.trimmed(text)) { return value }
        switch text.lowercased() {
        case "nan", "+nan", "-nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return nil
        }
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? grouped(Int(value)) : String(value)
    }
}

/// Nil for an empty string, so that empty cells read as absent.
func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
