import GridModel

/// One problem found in a street's files: where it is, what was found and what was expected.
///
/// Locations are 1-based. `line` is the physical line of the file on which the offending field starts (a quoted
/// field may span lines, so it can differ from the record number); `column` is the field's position in its record
/// (1 = first field), and `columnName` the header of that column as the file spells it.
public struct DataIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file, relative to the street folder (`buildings.csv`).
    public var file: String
    public var line: Int?
    public var column: Int?
    public var columnName: String?
    /// The offending text as found in the file, when there is one.
    public var value: String?
    /// What is wrong.
    public var problem: String
    /// What the file should hold instead.
    public var expected: String?

    /// Creates an issue; `problem` says what is wrong, `expected` what would be right.
    public init(
        file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, value: String? = nil,
        problem: String, expected: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.value = value
        self.problem = problem
        self.expected = expected
    }

    /// `buildings.csv, line 4, column 5 (households): <problem>: found "12.5"; expected <expected>`; in Chinese
    /// `buildings.csv 第 4 行第 5 列（households）：<problem>：发现 “12.5”；应为 <expected>`. The frame is in the
    /// command's language (``Language/current``); the problem and expectation were written in it when found.
    public var description: String {
        var arguments = ["file": file, "problem": problem]
        if let line { arguments["line"] = "\(line)" }
        if let column { arguments["column"] = "\(column)" }
        if let columnName { arguments["name"] = columnName }
        var text: String
        switch (line != nil, column != nil, columnName != nil) {
        case (true, true, true): text = Message.text("data.issue.at_line_column_named", arguments)
        case (true, true, false): text = Message.text("data.issue.at_line_column", arguments)
        case (true, false, true): text = Message.text("data.issue.at_line_named", arguments)
        case (true, false, false): text = Message.text("data.issue.at_line", arguments)
        case (false, true, true): text = Message.text("data.issue.at_column_named", arguments)
        case (false, true, false): text = Message.text("data.issue.at_column", arguments)
        case (false, false, true): text = Message.text("data.issue.in_file_named", arguments)
        case (false, false, false): text = Message.text("data.issue.in_file", arguments)
        }
        if let value { text = Message.text("data.issue.found", ["text": text, "value": Self.shortened(value)]) }
        if let expected { text = Message.text("data.issue.expected", ["text": text, "expected": expected]) }
        return text
    }

    /// Keeps one message on one screen line even when a field holds a whole paragraph.
    private static func shortened(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        guard flat.count > 80 else { return flat }
        return String(flat.prefix(77)) + "..."
    }
}
