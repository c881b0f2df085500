/// The first sheet of a workbook as text, the way the CSV reader sees a file: rows of cells, each row with the
/// number Excel shows for it, so that a problem can name "buildings.xlsx, line 12, column 4".
public struct WorkbookTable: Hashable, Sendable {
    /// One row of the sheet; `cells` has no trailing empty cells.
    public struct Row: Hashable, Sendable {
        /// Excel's 1-based row number.
        public let number: Int
        public let cells: [String]
    }

    /// The sheet's name.
    public let sheetName: String
    /// The non-empty rows in sheet order; the first is the header.
    public let rows: [Row]
}
