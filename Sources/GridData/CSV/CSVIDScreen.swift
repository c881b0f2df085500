import GridModel

/// Refuses id cells that a spreadsheet would run as a formula or that would break a line in an output.
///
/// Ids travel into every output: CSV cells opened in Excel or WPS, iCalendar lines, HTML. An id that begins with
/// `=`, `+`, `-` or `@` (`=HYPERLINK("http://x")`) runs as a formula in a spreadsheet, and one that holds CR, LF
/// or NUL can start a new line, a new CSV record or a new calendar event. Such ids are refused where they are read,
/// with the file, line and column, rather than repaired in each writer.
///
/// The screen resolves its columns once per header, so a row costs one look at the first byte of each id cell and a
/// scan for line breaks.
struct CSVIDScreen {
    /// The canonical names of the columns that hold ids or references to ids, in any street or plan file.
    static let idColumns = [
        "building_id", "community_id", "compound_id", "department_id", "department", "grid_id", "home_building_id",
        "micro_grid_id", "paired_person_id", "person_id", "request_id", "resident_id", "street_id", "unit",
    ]

    static var problem: String { Message.text("data.csv.formula_like_id") }
    static var expectation: String { Message.text("data.csv.id_expected") }

    /// The id columns the header has: canonical name and field index.
    private let columns: [(name: String, index: Int)]

    /// A screen for files with `header`; `extraColumns` adds a file's own id columns (adjacency.csv's `a`, `b`).
    init(header: CSVHeader, extraColumns: [String] = []) {
        columns = (Self.idColumns + extraColumns).compactMap { name in header.index(of: name).map { (name, $0) } }
    }

    /// One issue per refused id cell of `row`, at its line and column.
    /// - Complexity: O(bytes of the row's id cells).
    func issues(in row: CSVRow) -> [DataIssue] {
        var issues: [DataIssue] = []
        for column in columns {
            let cell = row.cell(at: column.index)
            guard !Self.isAcceptable(cell) else { continue }
            let value = String(decoding: cell, as: UTF8.self)
            issues.append(row.issue(column.name, value: value, problem: Self.problem, expected: Self.expectation))
        }
        return issues
    }

    /// Whether an id (trimmed, the formula guard taken back) may be used: it does not begin with `=`, `+`, `-` or
    /// `@` and holds no CR, LF or NUL.
    static func isAcceptable(_ id: ArraySlice<UInt8>) -> Bool {
        if let first = id.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 { return false }
        return !id.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }
    }
}
