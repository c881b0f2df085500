extension WorkbookTable {
    /// The sheet as CSV bytes for the CSV reader, so that an .xlsx is checked by exactly the rules a CSV is.
    ///
    /// Row N of the sheet starts on line N of the text (blank lines stand in for empty rows, and the CSV reader
    /// skips them), so a problem names the row Excel shows; only a cell holding a line break pushes later rows down.
    /// Title rows above the header, a common habit in office workbooks ("幸福社区楼栋台账" merged across the
    /// columns), are left out: leading rows with a single filled cell, when a later row fills more. A sheet stores no
    /// empty cells at the end of a row, so rows are padded to the header's width.
    /// - Complexity: O(cells).
    public var csvBytes: [UInt8] {
        var dataRows = rows[...]
        var skipped = 0
        while skipped < 3, let first = dataRows.first, first.cells.filter({ !$0.isEmpty }).count == 1,
            dataRows.dropFirst().contains(where: { $0.cells.filter { !$0.isEmpty }.count > 1 })
        {
            dataRows = dataRows.dropFirst()
            skipped += 1
        }
        var bytes: [UInt8] = []
        var line = 1
        let width = dataRows.first?.cells.count ?? 0
        for row in dataRows {
            while line < row.number {
                bytes.append(0x0A)
                line += 1
            }
            let cells = row.cells.count < width
                ? row.cells + Array(repeating: "", count: width - row.cells.count) : row.cells
            for (index, cell) in cells.enumerated() {
                if index > 0 { bytes.append(0x2C) }
                if cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                    bytes.append(0x22)
                    for byte in cell.utf8 {
                        if byte == 0x22 { bytes.append(0x22) }
                        bytes.append(byte)
                    }
                    bytes.append(0x22)
                    line += cell.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                } else {
                    bytes.append(contentsOf: cell.utf8)
                }
            }
            bytes.append(0x0A)
            line += 1
        }
        return bytes
    }
}
