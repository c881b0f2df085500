import Foundation
import GridModel

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a worksheet part into rows of text, cell by cell as XMLParser streams it.
final class WorkbookSheetParser: NSObject, XMLParserDelegate {
    struct Context {
        let sharedStrings: [String]
        let formats: [WorkbookCellFormat]
        let uses1904Dates: Bool
        let mostColumns: Int
    }

    static func rows(_ data: Data, context: Context) -> (rows: [WorkbookTable.Row], problem: String?) {
        let delegate = WorkbookSheetParser(context: context)
        let parsed = WorkbookPartParser.parse(data, with: delegate)
        if !parsed.ok, delegate.problem == nil {
            delegate.problem = Message.text(
                "data.workbook.broken_xml",
                ["line": "\(parsed.line)", "error": parsed.error ?? Message.text("data.workbook.parse_error")])
        }
        return (delegate.rows, delegate.problem)
    }

    private let context: Context
    private var rows: [WorkbookTable.Row] = []
    private var problem: String?
    private var rowNumber = 0
    private var rowCells: [String] = []
    private var column = -1
    private var cellType = ""
    private var cellStyle = 0
    private var cellText = ""
    private var collecting = false
    private var phoneticDepth = 0

    private init(context: Context) {
        self.context = context
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let attributes = XMLAttributes(raw: attributes)
        switch elementName.localXMLName {
        case "row":
            rowNumber = attributes.value(named: "r").flatMap(Int.init) ?? rowNumber + 1
            rowCells = []
            column = -1
        case "c":
            column = attributes.value(named: "r").flatMap(Self.columnIndex) ?? column + 1
            cellType = attributes.value(named: "t") ?? "n"
            cellStyle = attributes.value(named: "s").flatMap(Int.init) ?? 0
            cellText = ""
        case "v": collecting = true
        case "t": collecting = phoneticDepth == 0 && cellType == "inlineStr"
        case "rPh": phoneticDepth += 1
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch elementName.localXMLName {
        case "v", "t": collecting = false
        case "rPh": phoneticDepth -= 1
        case "c": finishCell(parser)
        case "row":
            while let last = rowCells.last, last.isEmpty { rowCells.removeLast() }
            if !rowCells.isEmpty { rows.append(WorkbookTable.Row(number: rowNumber, cells: rowCells)) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { cellText += string }
    }

    private func finishCell(_ parser: XMLParser) {
        guard column >= 0, column < context.mostColumns else {
            problem = Message.text(
                "data.workbook.too_many_columns", ["row": "\(rowNumber)", "limit": "\(context.mostColumns)"])
            parser.abortParsing()
            return
        }
        let value: String
        switch cellType {
        case "s":
            guard let index = Int(cellText), context.sharedStrings.indices.contains(index) else {
                problem = Message.text(
                    "data.workbook.missing_shared_string",
                    ["row": "\(rowNumber)", "column": "\(column + 1)", "index": cellText])
                parser.abortParsing()
                return
            }
            value = context.sharedStrings[index]
        case "b": value = cellText == "1" ? "true" : cellText == "0" ? "false" : cellText
        case "d": value = cellText.hasSuffix("T00:00:00") ? String(cellText.dropLast(9)) : cellText
        case "n":
            let format = context.formats.indices.contains(cellStyle) ? context.formats[cellStyle] : .number
            value = WorkbookNumber.text(cellText, format: format, uses1904Dates: context.uses1904Dates)
        default: value = cellText
        }
        if rowCells.count <= column { rowCells += Array(repeating: "", count: column + 1 - rowCells.count) }
        rowCells[column] = value
    }

    /// The 0-based column of a reference such as `AB12`.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : index - 1
    }
}
