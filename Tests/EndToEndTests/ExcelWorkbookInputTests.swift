import Foundation
import Testing
import ZIPFoundation

/// A street kept in Excel: the same community as WrittenInputCommandTests, every file saved as an .xlsx the way
/// Excel writes one (shared strings, counts as number cells, dates as serial numbers with a date style, Chinese
/// headers, `1,329.7` typed as text), and no CSV at all: validation figures and grids.csv equal the plain CSV twin's.
@Suite(.serialized) struct ExcelWorkbookInputTests {
    @Test func aStreetSavedAsWorkbooksGivesTheSamePlanAsItsCSVTwin() throws {
        let root = try GridsDrawCommandTests.temporary("workbooks")
        defer { try? FileManager.default.removeItem(at: root) }
        let plain = try WrittenInputCommandTests.plainStreet()
        let written = WrittenInputCommandTests.writtenStreet(plain)
        let plainFolder = root.appendingPathComponent("plain")
        let bookFolder = root.appendingPathComponent("books")
        try WrittenInputCommandTests.save(plain, to: plainFolder, gbk: false)
        try FileManager.default.createDirectory(at: bookFolder, withIntermediateDirectories: true)
        for (name, rows) in written {
            let stem = String(name.dropLast(4))
            try Self.workbook(rows, dateColumns: Self.dateColumns[name] ?? [])
                .write(to: bookFolder.appendingPathComponent(stem + ".xlsx"))
        }
        let saved = try FileManager.default.contentsOfDirectory(atPath: bookFolder.path)
        #expect(saved.allSatisfy { $0.hasSuffix(".xlsx") })

        let plainCheck = try GridsDrawCommandTests.run(["validate", plainFolder.path])
        #expect(plainCheck.status == 0, "\(plainCheck.stderr)")
        let bookCheck = try GridsDrawCommandTests.run(["validate", bookFolder.path])
        #expect(bookCheck.status == 0, "\(bookCheck.stderr)")
        #expect(Self.figures(bookCheck) == Self.figures(plainCheck))

        let plainOut = root.appendingPathComponent("plain-out")
        let bookOut = root.appendingPathComponent("books-out")
        let plainDraw = try GridsDrawCommandTests.draw(plainFolder, out: plainOut)
        let bookDraw = try GridsDrawCommandTests.draw(bookFolder, out: bookOut)
        #expect(plainDraw.status != 2 && bookDraw.status == plainDraw.status, "\(bookDraw.stderr)")
        let plainGrids = try Data(contentsOf: plainOut.appendingPathComponent("grids.csv"))
        let bookGrids = try Data(contentsOf: bookOut.appendingPathComponent("grids.csv"))
        #expect(plainGrids == bookGrids, "grids.csv differs between the CSV street and its workbooks")
    }

    @Test func aProblemInAWorkbookNamesTheWorkbookAndExcelsRow() throws {
        let root = try GridsDrawCommandTests.temporary("workbook-problem")
        defer { try? FileManager.default.removeItem(at: root) }
        var plain = try WrittenInputCommandTests.plainStreet()
        plain["buildings.csv"]?[4][3] = "八十"
        try WrittenInputCommandTests.save(plain, to: root, gbk: false)
        try FileManager.default.removeItem(at: root.appendingPathComponent("buildings.csv"))
        let rows = try #require(plain["buildings.csv"])
        // A blank row 2 in the sheet: the problem must name row 6 as Excel shows it, not the 4th record's line 5.
        try Self.workbook([rows[0], []] + rows.dropFirst(), dateColumns: [])
            .write(to: root.appendingPathComponent("buildings.xlsx"))
        let check = try GridsDrawCommandTests.run(["validate", root.path])
        #expect(check.status == 2)
        #expect(check.stderr.contains("buildings.xlsx, line 6, column 4"), "\(check.stderr)")
    }

    /// Columns typed as dates in Excel (stored as serial day numbers).
    static let dateColumns: [String: Set<Int>] = [
        "visits.csv": [0], "leave.csv": [1, 2], "calendar.csv": [0],
    ]

    /// validate's figures without the folder's name and the files' encodings.
    static func figures(_ outcome: WanggeBinary.Outcome) -> [String] {
        outcome.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("street:") }.map { line in
            line.replacingOccurrences(of: ", Excel workbook (.xlsx)", with: "")
                .replacingOccurrences(of: ", UTF-8", with: "")
                .replacingOccurrences(of: ".xlsx", with: ".csv")
        }
    }

    /// An .xlsx as Excel saves one: plain numbers as number cells, ISO-like dates in `dateColumns` as serial
    /// numbers with the built-in date style, everything else as shared strings.
    static func workbook(_ rows: [[String]], dateColumns: Set<Int>) throws -> Data {
        var strings: [String] = []
        var index: [String: Int] = [:]
        var sheet = ""
        for (rowIndex, row) in rows.enumerated() {
            sheet += "<row r=\"\(rowIndex + 1)\">"
            for (column, raw) in row.enumerated() where !raw.isEmpty {
                let value = raw.hasPrefix("\"") && raw.hasSuffix("\"") ? String(raw.dropFirst().dropLast()) : raw
                let reference = String(UnicodeScalar(UInt8(65 + column))) + "\(rowIndex + 1)"
                if rowIndex > 0, dateColumns.contains(column), let serial = serialDay(value) {
                    sheet += "<c r=\"\(reference)\" s=\"1\"><v>\(serial)</v></c>"
                } else if rowIndex > 0, Double(value) != nil, !value.hasPrefix("0") || value == "0" {
                    sheet += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                } else {
                    let position = index[value] ?? strings.count
                    if position == strings.count {
                        strings.append(value)
                        index[value] = position
                    }
                    sheet += "<c r=\"\(reference)\" t=\"s\"><v>\(position)</v></c>"
                }
            }
            sheet += "</row>"
        }
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [(String, String)] = [
            ("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
                + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "</Relationships>"),
            ("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">"
                + strings.map { "<si><t>\(escaped($0))</t></si>" }.joined() + "</sst>"),
            ("xl/styles.xml", "<styleSheet xmlns=\"\(main)\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
                + "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"),
            ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(main)\"><sheetData>\(sheet)</sheetData></worksheet>"),
        ]
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// Excel's serial day of a date written with `-`, `/`, `.` or 年月日 (full-width digits too); nil otherwise.
    static func serialDay(_ text: String) -> Int? {
        let digits = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0xFF10...0xFF19).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
        }))
        let parts = digits.split { !$0.isNumber }.compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        components.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return nil }
        // Serial 25569 is 1970-01-01 in Excel's 1900 date system.
        return Int(date.timeIntervalSince1970 / 86_400) + 25_569
    }
}
