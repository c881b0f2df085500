/// One sheet of a workbook the engine writes: a table with its header row, as a CSV of the same job holds it.
public struct WorkbookSheet: Hashable, Sendable {
    /// How a column's cells are stored: text keeps ids and phones exactly as written (`007`, `13800138000`);
    /// numbers let a planner sum and sort.
    public enum ColumnKind: Hashable, Sendable {
        case text
        case number
    }

    /// The tab's name (Excel allows 31 characters and no `[]:*?/\`; the writer shortens and replaces).
    public var name: String
    /// The header row as shown (Chinese first where a catalogue gives a name).
    public var header: [String]
    /// The data rows; a row shorter than the header is padded with empty cells.
    public var rows: [[String]]
    /// The kind of each column; missing entries are text.
    public var columnKinds: [ColumnKind]

    /// A sheet; with `columnKinds` nil, a column is a number column when every cell in it is a plain whole or
    /// decimal number of at most 10 digits without a leading zero (so ids, codes and 11-digit phones stay text).
    public init(name: String, header: [String], rows: [[String]], columnKinds: [ColumnKind]? = nil) {
        self.name = name
        self.header = header
        self.rows = rows
        self.columnKinds = columnKinds ?? Self.inferredKinds(header: header, rows: rows)
    }

    static func inferredKinds(header: [String], rows: [[String]]) -> [ColumnKind] {
        (0..<header.count).map { column in
            var sawNumber = false
            for row in rows where column < row.count && !row[column].isEmpty {
                guard isPlainNumber(row[column]) else { return .text }
                sawNumber = true
            }
            return sawNumber ? .number : .text
        }
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?` with at most 10 digits before the point.
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 10, whole.allSatisfy(\.isASCIIDigit) else {
            return false
        }
        if whole.count > 1, whole.first == "0" { return false }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 12, fraction.allSatisfy(\.isASCIIDigit) else { return false }
        }
        return true
    }
}
