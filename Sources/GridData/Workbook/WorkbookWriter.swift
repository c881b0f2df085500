import Foundation
import GridModel
import ZIPFoundation

/// Writes an Office Open XML workbook (.xlsx) with a sheet per table: bold, frozen header row, column widths from
/// the widest cell, ids and phones as text, and nothing from the clock, so that the same tables give the same bytes.
///
/// Cells are inline strings or plain numbers, never formulas: a cell `=HYPERLINK(…)` stays text in Excel, WPS and
/// LibreOffice. The archive's timestamps are fixed at 1980-01-01 (the earliest a ZIP can hold) and its entries come
/// in a fixed order, compressed by zlib, which gives the same output for the same input.
public enum WorkbookWriter {
    /// The .xlsx bytes of `sheets`, in order. Sheet names are made valid and unique for Excel.
    /// - Complexity: O(cells).
    public static func data(for sheets: [WorkbookSheet]) throws(OutputError) -> Data {
        let names = sheetNames(sheets.map(\.name))
        var parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(names: names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet)))
        }
        let archiveData: Data?
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let bytes = Data(part.text.utf8)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            archiveData = archive.data
        } catch {
            throw OutputError(
                path: "workbook", reason: Message.text("data.output.archive_failed", ["error": "\(error)"]))
        }
        guard let archiveData else {
            throw OutputError(path: "workbook", reason: Message.text("data.output.archive_empty"))
        }
        return archiveData
    }

    /// 1980-01-01T00:00:00Z: the first instant a ZIP timestamp holds.
    private static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// Names Excel accepts: at most 31 characters, none of `[]:*?/\`, unique regardless of case.
    static func sheetNames(_ wanted: [String]) -> [String] {
        var used = Set<String>()
        return wanted.enumerated().map { index, name in
            let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
            var base = String(name.map { forbidden.contains($0) ? "_" : $0 }.prefix(31))
            if base.trimmingCharacters(in: .whitespaces).isEmpty { base = "Sheet\(index + 1)" }
            var candidate = base
            var suffix = 2
            while used.contains(candidate.lowercased()) {
                let tail = "(\(suffix))"
                candidate = String(base.prefix(31 - tail.count)) + tail
                suffix += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(sheetCount: Int) -> String {
        var text = header
        text += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        text += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        text += #"<Default Extension="xml" ContentType="application/xml"/>"#
        text += #"<Override PartName="/xl/workbook.xml" "#
        text += #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        text += #"<Override PartName="/xl/styles.xml" "#
        text += #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in 1..<(sheetCount + 1) {
            text += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" "#
            text += #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return text + "</Types>"
    }

    private static let packageRelationships = header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" "#
        + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" "#
        + #"Target="xl/workbook.xml"/></Relationships>"#

    private static func workbook(names: [String]) -> String {
        var text = header + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)"><sheets>"#
        for (index, name) in names.enumerated() {
            text += #"<sheet name="\#(escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return text + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var text = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 0..<sheetCount {
            text += #"<Relationship Id="rId\#(index + 1)" "#
            text += #"Type="\#(relationshipNamespace)/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        text += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipNamespace)/styles" "#
        return text + #"Target="styles.xml"/></Relationships>"#
    }

    /// Style 0: the default; style 1: bold with a light fill, for the header row.
    private static let styles = header + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="等线"/></font>"#
        + #"<font><b/><sz val="11"/><name val="等线"/></font></fonts>"#
        + #"<fills count="3"><fill><patternFill patternType="none"/></fill>"#
        + #"<fill><patternFill patternType="gray125"/></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF7"/></patternFill></fill></fills>"#
        + #"<borders count="1"><border/></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>"#
        + #"</styleSheet>"#

    private static func worksheet(_ sheet: WorkbookSheet) -> String {
        let columnCount = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        var text = header + #"<worksheet xmlns="\#(mainNamespace)">"#
        text += #"<sheetViews><sheetView workbookViewId="0">"#
        text += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        text += #"<selection pane="bottomLeft"/></sheetView></sheetViews>"#
        if columnCount > 0 {
            text += "<cols>"
            for column in 0..<columnCount {
                var widest = column < sheet.header.count ? displayWidth(sheet.header[column]) : 0
                for row in sheet.rows where column < row.count {
                    widest = max(widest, displayWidth(row[column]))
                }
                let width = min(max(widest + 2, 6), 60)
                text += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(width)" customWidth="1"/>"#
            }
            text += "</cols>"
        }
        text += "<sheetData>"
        text += row(1, sheet.header, kinds: [], style: 1)
        for (index, cells) in sheet.rows.enumerated() {
            text += row(index + 2, cells, kinds: sheet.columnKinds, style: 0)
        }
        return text + "</sheetData></worksheet>"
    }

    private static func row(_ number: Int, _ cells: [String], kinds: [WorkbookSheet.ColumnKind], style: Int)
        -> String
    {
        var text = #"<row r="\#(number)">"#
        for (column, value) in cells.enumerated() where !value.isEmpty {
            let reference = columnLetters(column) + String(number)
            let styleAttribute = style == 0 ? "" : #" s="\#(style)""#
            let kind = column < kinds.count ? kinds[column] : .text
            if kind == .number, WorkbookSheet.isPlainNumber(value) {
                text += #"<c r="\#(reference)"\#(styleAttribute)><v>\#(value)</v></c>"#
            } else {
                let space = value.first == " " || value.last == " " ? #" xml:space="preserve""# : ""
                text += #"<c r="\#(reference)"\#(styleAttribute) t="inlineStr"><is><t\#(space)>"#
                text += escaped(value) + "</t></is></c>"
            }
        }
        return text + "</row>"
    }

    /// A, B, …, Z, AA, AB, … for a 0-based column.
    static func columnLetters(_ column: Int) -> String {
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// Characters XML 1.0 cannot hold (control characters other than TAB, LF and CR) become U+FFFD.
    static func escaped(_ text: String) -> String {
        text.escaped(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"]) { scalar in
            let allowed = scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r"
            return allowed && scalar.value != 0xFFFE && scalar.value != 0xFFFF ? nil : "\u{FFFD}"
        }
    }

    /// Width in Excel's character units: CJK and full-width characters count two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let value = scalar.value
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
                || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
            return width + (wide ? 2 : 1)
        }
    }
}
