import Foundation
import GridModel

/// Reading one CSV file of the street: decoding, header resolution and field-count checks.
extension StreetReading {
    /// How a file's header must look: columns that must all be present, and groups of which one must be.
    struct Columns {
        var required: [String]
        /// Each inner list is one way of giving a value (`["x", "y"]` or `["lat", "lon"]`); one must be complete.
        var alternatives: [[[String]]] = []
    }

    /// Reads one file: decodes it, resolves its header, checks field counts, and hands each sound row to `row`.
    ///
    /// - Parameters:
    ///   - idColumn: the column whose value identifies a row; registered through `register` even when the row is
    ///     malformed, so that references to it are not reported as unknown.
    ///   - header: called once with the resolved header when it has every required column; return false to skip
    ///     the rows.
    /// - Returns: whether the file was present and its header usable.
    @discardableResult
    func readTable(
        _ file: StreetFile, columns: Columns, idColumn: String? = nil, register: ((String, Int) -> Void)? = nil,
        header headerCheck: ((CSVHeader) -> Bool)? = nil, row handle: (CSVRow) -> Void
    ) -> Bool {
        let csvURL = fileOverrides[file] ?? directory.appendingPathComponent(file.fileName)
        guard let url = SpreadsheetTwin.readable(for: csvURL) else {
            let name = fileOverrides[file]?.relativePath ?? file.fileName
            let spreadsheet = SpreadsheetTwin.find(of: csvURL) != nil
            // A file given by its own flag (`--requests FILE`) must be there.
            if needs.required.contains(file) || spreadsheet || fileOverrides[file] != nil {
                unreadable.append(file)
                reportedMissing.append(file)
                let problem =
                    needs.required.contains(file) && file != .buildings
                    ? Message.text("data.file.needed_by", ["problem": missingProblem(file), "job": needs.job])
                    : missingProblem(file)
                let expected =
                    fileOverrides[file] == nil
                    ? Message.text("data.file.in_street_folder", ["file": name, "folder": directory.path])
                    : csvURL.path
                log.add(DataIssue(file: name, problem: problem, expected: expected))
            }
            return false
        }
        // Problems in a workbook read in the CSV's place name the workbook (buildings.xlsx, line 12).
        let name = url.lastPathComponent
        guard let text = CSVText.read(url, name: name, log: &log) else {
            unreadable.append(file)
            return false
        }
        expectedRows = Self.countLines(text.bytes)
        var header: CSVHeader?
        var idScreen: CSVIDScreen?
        var usable = false
        var rows = 0
        let syntaxIssues = CSVParser.forEachRecord(in: text.bytes, from: text.start, file: name) { record in
            guard let resolved = header else {
                let made = CSVHeader(record: record)
                header = made
                usable = checkHeader(made, file: file, line: record.line, columns: columns)
                if usable, let headerCheck { usable = headerCheck(made) }
                idScreen = CSVIDScreen(header: made, extraColumns: file == .adjacency ? ["a", "b"] : [])
                return
            }
            rows += 1
            guard usable else { return }
            let row = CSVRow(file: name, record: record, header: resolved)
            if record.count != resolved.count {
                reportFieldCount(row)
                if let idColumn, let register, let index = resolved.index(of: idColumn), index < record.count,
                    let id = row.text(idColumn)
                {
                    register(id, record.line(ofField: index))
                }
                return
            }
            // A refused id is reported and the row still read, so that its references do not cascade.
            if let idScreen { for issue in idScreen.issues(in: row) { log.add(issue) } }
            handle(row)
        }
        if syntaxIssues.contains(where: { $0.problem == CSVParser.runawayQuote }) { unreadable.append(file) }
        for var issue in syntaxIssues {
            if let header, let column = issue.column, column <= header.count, !header.name(at: column - 1).isEmpty {
                issue.columnName = header.name(at: column - 1)
            }
            log.add(issue)
        }
        files.append(LoadedStreet.FileReport(file: file, encoding: text.encoding, rows: rows))
        if header == nil || !usable { unreadable.append(file) }
        if header == nil {
            log.add(
                DataIssue(
                    file: name, line: 1,
                    problem: text.encoding == .utf8WithBOM
                        ? Message.text("data.file.empty_bom") : Message.text("data.file.empty"),
                    expected: Message.text("data.file.header_row", ["columns": describe(columns)])))
            return false
        }
        return usable
    }

    /// `the file is missing`, naming a spreadsheet of the same name beside it (`buildings.xlsx is there: save it as
    /// CSV`).
    func missingProblem(_ file: StreetFile) -> String {
        let url = fileOverrides[file] ?? directory.appendingPathComponent(file.fileName)
        guard let twin = SpreadsheetTwin.find(of: url) else { return Message.text("data.file.missing") }
        return Message.text("data.file.missing_twin", ["twin": twin, "advice": SpreadsheetTwin.advice])
    }

    /// Line feeds (or lone carriage returns) in the text: an upper bound on its records, cheap to count.
    private static func countLines(_ bytes: [UInt8]) -> Int {
        var lineFeeds = 0
        var carriageReturns = 0
        for byte in bytes {
            if byte == 0x0A { lineFeeds += 1 } else if byte == 0x0D { carriageReturns += 1 }
        }
        return max(lineFeeds, carriageReturns) + 1
    }

    private func reportFieldCount(_ row: CSVRow) {
        let fields = row.record.count
        let expected = row.header.count
        if fields < expected {
            let missing = row.header.name(at: fields)
            log.add(
                DataIssue(
                    file: row.file, line: row.record.line(ofField: fields - 1), column: fields + 1,
                    columnName: missing.isEmpty ? nil : missing,
                    problem: Message.text(
                        "data.row.too_few_fields", ["fields": "\(fields)", "expected": "\(expected)"]),
                    expected: Message.text("data.row.fields_per_column", ["expected": "\(expected)"])))
        } else {
            log.add(
                DataIssue(
                    file: row.file, line: row.record.line(ofField: expected), column: expected + 1,
                    value: row.record.string(expected),
                    problem: Message.text(
                        "data.row.too_many_fields", ["fields": "\(fields)", "expected": "\(expected)"]),
                    expected: Message.text("data.row.quote_commas", ["expected": "\(expected)"])))
        }
    }

    /// Reports duplicate, misspelt and missing columns; true when every required column is there.
    ///
    /// A misspelt column is reported once, as a misspelling; a required one is not reported again as missing.
    private func checkHeader(_ header: CSVHeader, file streetFile: StreetFile, line: Int, columns: Columns) -> Bool {
        let file = streetFile.fileName
        var usable = true
        for (canonical, indices) in header.duplicates {
            let spellings = Self.joined(
                indices.map {
                    Message.text("data.header.spelling_at", ["name": header.name(at: $0), "column": "\($0 + 1)"])
                },
                by: { Message.text("data.header.and", ["first": $0, "second": $1]) })
            log.add(
                DataIssue(
                    file: file, line: line, column: indices[1] + 1, columnName: header.name(at: indices[1]),
                    problem: Message.text(
                        "data.header.duplicate_column", ["column": canonical, "spellings": spellings]),
                    expected: Message.text("data.header.each_column_once")))
            usable = false
        }
        let unsatisfied = columns.alternatives.filter { group in !group.contains(where: { $0.allSatisfy(header.has) }) }
        var known = columns.required
        for group in unsatisfied { known += group.flatMap { $0 } }
        known += streetFile.optionalColumns.filter { !known.contains($0) }
        let misspelt = header.misspellings(of: known)
        for (index, column) in misspelt {
            log.add(header.misspellingIssue(file: file, line: line, index: index, column: column))
        }
        let meant = Set(misspelt.map(\.column))
        let missing = columns.required.filter { !header.has($0) }
        for name in missing where !meant.contains(name) {
            log.add(
                DataIssue(
                    file: file, line: line, problem: Message.text("data.header.missing_column", ["column": name]),
                    expected: Message.text("data.header.cell_named", ["spellings": Self.spellings(of: name)])))
        }
        if !missing.isEmpty { usable = false }
        for group in unsatisfied {
            usable = false
            guard !group.contains(where: { $0.contains(where: meant.contains) }) else { continue }
            let ways = Self.joined(
                group.map { Language.current.list($0) },
                by: { Message.text("data.join.semicolon_or", ["first": $0, "second": $1]) })
            let absent = Language.current.list(group[0].filter { !header.has($0) })
            log.add(
                DataIssue(
                    file: file, line: line, problem: Message.text("data.header.missing_columns", ["columns": absent]),
                    expected: Message.text("data.header.cells", ["ways": ways])))
        }
        return usable
    }

    private func describe(_ columns: Columns) -> String {
        var parts = columns.required
        for group in columns.alternatives {
            parts.append(
                Self.joined(
                    group.map { Language.current.list($0) },
                    by: { Message.text("data.join.or", ["first": $0, "second": $1]) }))
        }
        return Language.current.list(parts)
    }

    /// `items` folded pairwise by `join` (`a or b or c`), so that each language words its own conjunction.
    static func joined(_ items: [String], by join: (String, String) -> String) -> String {
        guard let first = items.first else { return "" }
        return items.dropFirst().reduce(first, join)
    }

    /// `households (or 户数)`: the canonical name with its aliases, for messages.
    static func spellings(of canonical: String) -> String { ColumnAliases.spellings(of: canonical) }
}
