import GridModel

/// A byte-level RFC 4180 CSV reader that tracks the line and column of every field.
///
/// It reads comma-separated UTF-8 (see ``CSVText`` for decoding), fields optionally enclosed in double quotes;
/// a quoted field may hold commas, doubled quotes (`""`) and line breaks. Records end with CRLF, LF or a lone CR.
/// Blank lines are skipped. A quote inside an unquoted field is kept as text (as Excel does); text after a closing
/// quote and a quote left open at the end of the file are reported (the record with the open quote is dropped).
/// A quote that runs on: a quoted field over several lines that is never closed, or whose closing quote is followed
/// by text (a missing quote pairs with the next field's opening one), is reported once, on the line where it opened,
/// and reading stops there: the rest of the file cannot be told apart, and thousands of follow-on problems would
/// hide the one that matters.
///
/// Why not a library: measured on this 2-core machine (release builds, other jobs running) on a synthetic city's
/// people.csv (400,000 rows x 12 fields, 48.9 MB, quoted fields included), tokenising only, file read included:
/// - yaslab/CSV.swift 2.5.2 `CSVReader`: 3.35-3.47 s, about 117,000 rows/s, 14-15 MB/s;
/// - swiftcsv/SwiftCSV 0.10.0 `EnumeratedCSV`: 4.14-4.65 s, about 90,000 rows/s, 10.5-11.8 MB/s, 374 MB resident;
/// - this parser: 0.20-0.22 s, about 1,900,000 rows/s, 220-245 MB/s, 115 MB resident (the file and one row).
/// The libraries alone would spend most of the 10-second budget for a 1.6-million-household city (people.csv and
/// residents.csv of up to 500,000 rows each) before any validation, and neither reports the line a field starts
/// on, which every error message must name.
enum CSVParser {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    /// The problem of a quote that runs on, which ends the reading of the file (readers then treat the file as
    /// unreadable, so that references into it are not reported as unknown).
    static var runawayQuote: String { Message.text("data.csv.runaway_quote") }

    /// Calls `visit` for each non-blank record in order (the header is the first); returns syntax problems.
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func forEachRecord(
        in text: [UInt8], from start: Int = 0, file: String, _ visit: (CSVRecord) -> Void
    ) -> [DataIssue] {
        var issues: [DataIssue] = []
        var record = CSVRecord()
        text.withUnsafeBufferPointer { source in
            let count = source.count
            var index = start
            var line = 1
            parsing: while index < count {
                record.removeAll()
                var complete = true
                fields: while true {
                    let fieldLine = line
                    if index < count, source[index] == quote {
                        index += 1
                        var closed = false
                        while index < count {
                            let start = index
                            while index < count {
                                let byte = source[index]
                                if byte == quote || byte == lineFeed || byte == carriageReturn { break }
                                index += 1
                            }
                            if index > start { record.append(source[start..<index]) }
                            guard index < count else { break }
                            let byte = source[index]
                            if byte == quote {
                                if index + 1 < count, source[index + 1] == quote {
                                    record.append(quote)
                                    index += 2
                                    continue
                                }
                                index += 1
                                closed = true
                                break
                            }
                            // A line break inside quotes is content; count it for later line numbers.
                            record.append(byte)
                            if byte == carriageReturn, index + 1 < count, source[index + 1] == lineFeed {
                                record.append(lineFeed)
                                index += 1
                            }
                            index += 1
                            line += 1
                        }
                        if !closed {
                            // The rest of the file is inside this field: the record is not handed on, so that
                            // the one missing quote is reported once rather than as a short row too.
                            complete = false
                            issues.append(
                                DataIssue(
                                    file: file, line: fieldLine, column: record.count + 1,
                                    problem: runawayQuote,
                                    expected: Message.text("data.csv.closing_quote_before_end")))
                        } else if index < count {
                            let byte = source[index]
                            if byte != comma && byte != lineFeed && byte != carriageReturn, line > fieldLine {
                                issues.append(
                                    DataIssue(
                                        file: file, line: fieldLine, column: record.count + 1,
                                        problem: runawayQuote,
                                        expected: Message.text(
                                            "data.csv.closing_quote_on_line",
                                            ["line": "\(fieldLine)", "until": "\(line)"])))
                                break parsing
                            }
                            if byte != comma && byte != lineFeed && byte != carriageReturn {
                                issues.append(
                                    DataIssue(
                                        file: file, line: line, column: record.count + 1,
                                        problem: Message.text("data.csv.text_after_quote"),
                                        expected: Message.text("data.csv.comma_after_quote")))
                                let start = index
                                while index < count {
                                    let next = source[index]
                                    if next == comma || next == lineFeed || next == carriageReturn { break }
                                    index += 1
                                }
                                record.append(source[start..<index])
                            }
                        }
                    } else {
                        let start = index
                        while index < count {
                            let byte = source[index]
                            if byte == comma || byte == lineFeed || byte == carriageReturn { break }
                            index += 1
                        }
                        if index > start { record.append(source[start..<index]) }
                    }
                    record.endField(line: fieldLine)
                    guard index < count else { break fields }
                    let byte = source[index]
                    index += 1
                    if byte == comma { continue fields }
                    if byte == carriageReturn, index < count, source[index] == lineFeed { index += 1 }
                    line += 1
                    break fields
                }
                if complete, !record.isBlank { visit(record) }
            }
        }
        return issues
    }
}
