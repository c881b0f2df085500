import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the sheets of an .xlsx as text: shared and inline strings, numbers without a spurious `.0`, dates from
/// Excel's serial numbers as ISO dates, ids kept as written.
///
/// **Why these libraries.** ZIPFoundation (from the package set) opens the archive; the XML parts are read by
/// Foundation's streaming XMLParser (libxml2), already linked, rather than XMLCoder, whose Decodable mapping does not
/// fit a sheet's sparse, mixed-content cells (`<c r="B5" t="s"><v>12</v></c>`) and would build every cell as an
/// object tree first.
///
/// **Limits.** A workbook is a ZIP file and can expand enormously: parts above ``Limits/largestPart`` bytes
/// uncompressed, or archives of more than ``Limits/mostEntries`` entries, are refused before they are inflated.
public enum WorkbookReader {
    /// What a workbook may hold before it is refused.
    public struct Limits: Hashable, Sendable {
        /// Largest uncompressed part (the sheet, the shared strings), in bytes.
        public var largestPart: UInt64
        /// Most entries in the archive.
        public var mostEntries: Int
        /// Most columns a row may use.
        public var mostColumns: Int

        public init(largestPart: UInt64 = 256 << 20, mostEntries: Int = 2_000, mostColumns: Int = 1_000) {
            self.largestPart = largestPart
            self.mostEntries = mostEntries
            self.mostColumns = mostColumns
        }
    }

    /// The first sheet of the workbook in `data`; `file` names it in problems.
    public static func firstSheet(of data: Data, file: String, limits: Limits = Limits()) throws(GridDataError)
        -> WorkbookTable
    {
        let sheets = try sheets(of: data, file: file, limits: limits, onlyFirst: true)
        guard let first = sheets.first else {
            throw GridDataError(DataIssue(file: file, problem: "the workbook has no sheet"))
        }
        return first
    }

    /// Every sheet of the workbook in `data`, in the workbook's order.
    public static func sheets(of data: Data, file: String, limits: Limits = Limits()) throws(GridDataError)
        -> [WorkbookTable]
    {
        try sheets(of: data, file: file, limits: limits, onlyFirst: false)
    }

    private static func sheets(of data: Data, file: String, limits: Limits, onlyFirst: Bool) throws(GridDataError)
        -> [WorkbookTable]
    {
        func failure(_ problem: String, expected: String? = nil) -> GridDataError {
            GridDataError(DataIssue(file: file, problem: problem, expected: expected))
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw failure("not a readable .xlsx workbook (not a ZIP archive)", expected: "an Excel .xlsx file")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            entries[entry.path.hasPrefix("/") ? String(entry.path.dropFirst()) : entry.path] = entry
            guard entries.count <= limits.mostEntries else {
                throw failure("the workbook holds more than \(limits.mostEntries) parts")
            }
        }
        func part(_ path: String) throws(GridDataError) -> Data? {
            guard let entry = entries[path] else { return nil }
            guard entry.uncompressedSize <= limits.largestPart else {
                throw failure(
                    "\(path) expands to \(entry.uncompressedSize) bytes",
                    expected: "at most \(limits.largestPart) bytes per part")
            }
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    bytes.append(chunk)
                    if UInt64(bytes.count) > limits.largestPart { throw WorkbookPartTooLarge() }
                }
            } catch {
                throw failure("\(path) cannot be read from the archive (\(error))")
            }
            return bytes
        }

        guard let workbookXML = try part("xl/workbook.xml") else {
            throw failure("the archive has no xl/workbook.xml", expected: "an Excel .xlsx file (not .xls or .et)")
        }
        let workbook = WorkbookPartParser.workbook(workbookXML)
        guard !workbook.sheets.isEmpty else { throw failure("the workbook has no sheet") }
        let relationships = try part("xl/_rels/workbook.xml.rels").map(WorkbookPartParser.relationships) ?? [:]
        let sharedStrings = try part("xl/sharedStrings.xml").map(WorkbookPartParser.sharedStrings) ?? []
        let styles = try part("xl/styles.xml").map(WorkbookPartParser.cellFormats) ?? []
        let context = WorkbookSheetParser.Context(
            sharedStrings: sharedStrings, formats: styles, uses1904Dates: workbook.uses1904Dates,
            mostColumns: limits.mostColumns)
        var tables: [WorkbookTable] = []
        for (index, sheet) in workbook.sheets.enumerated() {
            let target = relationships[sheet.relationshipID] ?? "worksheets/sheet\(index + 1).xml"
            let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let sheetXML = try part(sheetPath) else { throw failure("the archive has no \(sheetPath)") }
            let parsed = WorkbookSheetParser.rows(sheetXML, context: context)
            if let problem = parsed.problem { throw failure("sheet \(sheet.name): " + problem) }
            tables.append(WorkbookTable(sheetName: sheet.name, rows: parsed.rows))
            if onlyFirst { break }
        }
        return tables
    }
}

private struct WorkbookPartTooLarge: Error {}
