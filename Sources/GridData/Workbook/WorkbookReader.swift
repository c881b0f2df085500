import Foundation
import GridModel
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
            throw GridDataError(DataIssue(file: file, problem: Message.text("data.workbook.no_sheet")))
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
            throw failure(Message.text("data.workbook.not_zip"), expected: Message.text("data.workbook.excel_file"))
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            entries[entry.path.hasPrefix("/") ? String(entry.path.dropFirst()) : entry.path] = entry
            guard entries.count <= limits.mostEntries else {
                throw failure(Message.text("data.workbook.too_many_parts", ["limit": "\(limits.mostEntries)"]))
            }
        }
        func part(_ path: String) throws(GridDataError) -> Data? {
            guard let entry = entries[path] else { return nil }
            guard entry.uncompressedSize <= limits.largestPart else {
                throw failure(
                    Message.text("data.workbook.part_too_large", ["part": path, "bytes": "\(entry.uncompressedSize)"]),
                    expected: Message.text("data.workbook.part_limit", ["limit": "\(limits.largestPart)"]))
            }
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    bytes.append(chunk)
                    if UInt64(bytes.count) > limits.largestPart { throw WorkbookPartTooLarge() }
                }
            } catch {
                throw failure(Message.text("data.workbook.part_unreadable", ["part": path, "error": "\(error)"]))
            }
            return bytes
        }

        guard let workbookXML = try part("xl/workbook.xml") else {
            throw failure(
                Message.text("data.workbook.no_workbook_xml"), expected: Message.text("data.workbook.xlsx_not_xls"))
        }
        let workbook = WorkbookPartParser.workbook(workbookXML)
        guard !workbook.sheets.isEmpty else { throw failure(Message.text("data.workbook.no_sheet")) }
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
            guard let sheetXML = try part(sheetPath) else {
                throw failure(Message.text("data.workbook.no_part", ["part": sheetPath]))
            }
            let parsed = WorkbookSheetParser.rows(sheetXML, context: context)
            if let problem = parsed.problem {
                throw failure(Message.text("data.workbook.sheet_problem", ["sheet": sheet.name, "problem": problem]))
            }
            tables.append(WorkbookTable(sheetName: sheet.name, rows: parsed.rows))
            if onlyFirst { break }
        }
        return tables
    }
}

private struct WorkbookPartTooLarge: Error {}
