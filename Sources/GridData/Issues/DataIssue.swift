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

    /// `buildings.csv, line 4, column 5 (households): <problem>: found "12.5"; expected <expected>`.
    public var description: String {
        var text = file
        if let line { text += ", line \(line)" }
        if let column { text += ", column \(column)" }
        if let columnName { text += " (\(columnName))" }
        text += ": \(problem)"
        if let value { text += ": found \"\(Self.shortened(value))\"" }
        if let expected { text += "; expected \(expected)" }
        return text
    }

    /// Keeps one message on one screen line even when a field holds a whole paragraph.
    private static func shortened(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        guard flat.count > 80 else { return flat }
        return String(flat.prefix(77)) + "..."
    }
}
