import Foundation
import GridModel

/// Reads one CSV file outside the street's own file list (a plan's leaders.csv, people.csv's extra columns): decodes
/// it, resolves its header, screens its id cells and hands each row with the right number of fields to `row`;
/// problems go to `log`.
enum PlanTable {
    /// Returns false when the file is missing (and `required` is false), or cannot be used at all.
    ///
    /// `optional` names the other columns the caller reads: a header cell one edit from a column of `required` or
    /// `optional` that the file lacks is reported as a misspelling (``ColumnSpelling``).
    @discardableResult
    static func read(
        _ url: URL, name: String, required: [String], optional: [String] = [], log: inout IssueLog,
        isRequired: Bool = true, row handle: (CSVRow, inout IssueLog) -> Void
    ) -> Bool {
        guard let readable = SpreadsheetTwin.readable(for: url) else {
            if let twin = SpreadsheetTwin.find(of: url) {
                log.add(
                    DataIssue(
                        file: name,
                        problem: Message.text(
                            "data.file.missing_twin", ["twin": twin, "advice": SpreadsheetTwin.advice]),
                        expected: "\(url.path)"))
            } else if isRequired {
                log.add(DataIssue(file: name, problem: Message.text("data.file.missing"), expected: "\(url.path)"))
            }
            return false
        }
        let name = readable == url ? name : readable.lastPathComponent
        guard let text = CSVText.read(readable, name: name, log: &log) else { return false }
        var header: CSVHeader?
        var idScreen: CSVIDScreen?
        var usable = true
        var issues = log
        let syntax = CSVParser.forEachRecord(in: text.bytes, from: text.start, file: name) { record in
            guard let resolved = header else {
                let made = CSVHeader(record: record)
                header = made
                idScreen = CSVIDScreen(header: made)
                let misspelt = made.misspellings(of: required + optional)
                for (index, column) in misspelt {
                    issues.add(made.misspellingIssue(file: name, line: record.line, index: index, column: column))
                    if required.contains(column) { usable = false }
                }
                for column in required where !made.has(column) && !misspelt.contains(where: { $0.column == column }) {
                    issues.add(
                        DataIssue(
                            file: name, line: record.line,
                            problem: Message.text("data.header.missing_column", ["column": column]),
                            expected: Message.text(
                                "data.plan.header_with", ["columns": Language.current.list(required)])))
                    usable = false
                }
                return
            }
            guard usable else { return }
            let row = CSVRow(file: name, record: record, header: resolved)
            guard record.count == resolved.count else {
                issues.add(
                    DataIssue(
                        file: name, line: record.line,
                        problem: Message.text("data.plan.field_count", ["count": "\(record.count)"]),
                        expected: Message.text("data.plan.fields_expected", ["count": "\(resolved.count)"])))
                return
            }
            // An id that could be a formula or break a line is refused here as in the street's own files.
            if let idScreen { for issue in idScreen.issues(in: row) { issues.add(issue) } }
            handle(row, &issues)
        }
        for issue in syntax { issues.add(issue) }
        if syntax.contains(where: { $0.problem == CSVParser.runawayQuote }) { usable = false }
        log = issues
        if header == nil {
            log.add(DataIssue(file: name, line: 1, problem: Message.text("data.file.empty"),
                expected: Message.text("data.plan.header_row")))
            return false
        }
        return usable
    }
}
