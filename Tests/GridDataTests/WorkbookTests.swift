import Foundation
import GridData
import Testing
import ZIPFoundation

@Suite(.inEnglish) struct WorkbookTests {
    private static let sheet = WorkbookSheet(
        name: "leaders 网格长",
        header: ["人员编号 person_id", "姓名 name", "电话 phone", "户数 households", "备注 note"],
        rows: [
            ["007", "王小明", "13800138000", "412", "=HYPERLINK(\"http://x\",\"y\")"],
            ["P0008", "李 雷 ", "", "38.5", "a & b < c > d \"e\""],
            ["P0009", "", "010-6512 3456", "0", ""],
        ])

    @Test func whatIsWrittenReadsBackAsWritten() throws {
        let data = try WorkbookWriter.data(for: [Self.sheet])
        let table = try WorkbookReader.firstSheet(of: data, file: "leaders.xlsx")
        #expect(table.sheetName == "leaders 网格长")
        let expected = [Self.sheet.header] + Self.sheet.rows.map { row in
            var trimmed = row
            while trimmed.last == "" { trimmed.removeLast() }
            return trimmed
        }
        #expect(table.rows.map(\.cells) == expected)
        #expect(table.rows.map(\.number) == [1, 2, 3, 4])
    }

    @Test func theSameTablesGiveTheSameBytes() throws {
        let first = try WorkbookWriter.data(for: [Self.sheet, Self.sheet])
        let second = try WorkbookWriter.data(for: [Self.sheet, Self.sheet])
        #expect(first == second)
    }

    @Test func idsAndPhonesStayTextAndCountsBecomeNumbers() {
        #expect(Self.sheet.columnKinds == [.text, .text, .text, .number, .text])
    }

    @Test func formulasAreNeverWrittenAsFormulas() throws {
        let data = try WorkbookWriter.data(for: [Self.sheet])
        let xml = try Self.part("xl/worksheets/sheet1.xml", of: data)
        #expect(!xml.contains("<f>"))
        #expect(xml.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"))
        #expect(xml.contains(#"state="frozen""#))
    }

    /// A workbook as Excel writes it: shared strings with a phonetic guide, a date style, a zero-padded id format,
    /// `84` and `1200` as numbers, a boolean, an inline string, an empty column between cells.
    @Test func excelsOwnEncodingsAreReadAsTyped() throws {
        let data = try Self.workbook(sheet: """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>\
            <c r="D1" t="inlineStr"><is><t>日期</t></is></c></row>
            <row r="3"><c r="A3" s="2"><v>123</v></c><c r="B3"><v>84.000000000000014</v></c>\
            <c r="C3" t="b"><v>1</v></c><c r="D3" s="1"><v>46349</v></c></row>
            <row r="4"><c r="A4"><v>1200</v></c><c r="B4"><v>84.5</v></c><c r="D4" s="3"><v>46349.375</v></c></row>
            </sheetData></worksheet>
            """)
        let table = try WorkbookReader.firstSheet(of: data, file: "buildings.xlsx")
        #expect(table.rows.map(\.number) == [1, 3, 4])
        #expect(table.rows[0].cells == ["楼栋编号", "户数", "", "日期"])
        #expect(table.rows[1].cells == ["000123", "84", "true", "2026-11-23"])
        #expect(table.rows[2].cells == ["1200", "84.5", "", "2026-11-23T09:00"])
    }

    @Test func aMissingSharedStringIsAProblemNotACrash() throws {
        let data = try Self.workbook(sheet: """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="s"><v>9</v></c></row></sheetData></worksheet>
            """)
        #expect(throws: GridDataError.self) { try WorkbookReader.firstSheet(of: data, file: "people.xlsx") }
    }

    @Test func aPartThatExpandsBeyondTheLimitIsRefused() throws {
        let data = try WorkbookWriter.data(for: [Self.sheet])
        var limits = WorkbookReader.Limits()
        limits.largestPart = 200
        do {
            _ = try WorkbookReader.firstSheet(of: data, file: "big.xlsx", limits: limits)
            Issue.record("a 200-byte limit let the workbook through")
        } catch {
            #expect(error.description.contains("big.xlsx"))
            #expect(error.description.contains("expands to"))
        }
    }

    @Test func aFileThatIsNoWorkbookSaysSo() {
        do {
            _ = try WorkbookReader.firstSheet(of: Data("a,b\n1,2\n".utf8), file: "units.xlsx")
            Issue.record("a CSV read as a workbook")
        } catch {
            #expect(error.description.contains("units.xlsx"))
        }
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
    func columnLettersRunLikeExcels(column: Int, letters: String) throws {
        let row = Array(repeating: "", count: column) + ["x"]
        let data = try WorkbookWriter.data(for: [WorkbookSheet(name: "s", header: ["h"], rows: [row])])
        let xml = try Self.part("xl/worksheets/sheet1.xml", of: data)
        #expect(xml.contains(#"<c r="\#(letters)2" t="inlineStr">"#))
        let table = try WorkbookReader.firstSheet(of: data, file: "s.xlsx")
        #expect(table.rows[1].cells.count == column + 1)
    }

    private static func part(_ path: String, of data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path])
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func workbook(sheet: String) throws -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [(String, String)] = [
            ("xl/workbook.xml", """
                <workbook xmlns="\(main)" xmlns:r="\(relationships)"><sheets>\
                <sheet name="楼栋" sheetId="1" r:id="rId7"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId7" Type="\(relationships)/worksheet" Target="worksheets/data.xml"/>\
                </Relationships>
                """),
            ("xl/sharedStrings.xml", """
                <sst xmlns="\(main)"><si><r><t>楼栋</t></r><r><t>编号</t></r><rPh sb="0" eb="2"><t>lou dong</t></rPh>\
                </si><si><t>户数</t></si></sst>
                """),
            ("xl/styles.xml", """
                <styleSheet xmlns="\(main)"><numFmts><numFmt numFmtId="176" formatCode="000000"/>\
                <numFmt numFmtId="177" formatCode="yyyy/m/d\\ h:mm;@"/></numFmts>\
                <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/>\
                <xf numFmtId="176"/><xf numFmtId="177"/></cellXfs></styleSheet>
                """),
            ("xl/worksheets/data.xml", sheet),
        ]
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }
}

@Suite(.inEnglish) struct WorkbookCSVTests {
    @Test func rowsKeepTheirExcelLineAndTitleRowsAreLeftOut() throws {
        let sheet = WorkbookSheet(
            name: "楼栋", header: ["幸福社区楼栋台账"],
            rows: [["楼栋编号", "户数", "备注"], [], ["B1", "1,200", "a \"b\"\nc"], ["B2", "12", ""]])
        let table = try WorkbookReader.firstSheet(of: WorkbookWriter.data(for: [sheet]), file: "buildings.xlsx")
        let text = String(decoding: table.csvBytes, as: UTF8.self)
        #expect(text == "\n楼栋编号,户数,备注\n\nB1,\"1,200\",\"a \"\"b\"\"\nc\"\nB2,12,\n")
    }
}

@Suite(.inEnglish) struct JobWorkbookTests {
    /// The workbook says exactly what the CSVs say: every sheet reads back as its CSV, titles mapped back.
    @Test func everySheetReadsBackAsItsCSV() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("job-workbook-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let leaders = "\u{FEFF}role,grid_id,person_id,reason\ngrid_leader,C01-G01,007,\"a, b\"\n"
            + "micro_grid_leader,C01-G01,P1,'=HYPERLINK(\"x\")\n"
        let cadres = "person_id,grid_id,hours\nP2,C01-G02,4\n"
        try Data(leaders.utf8).write(to: folder.appendingPathComponent("leaders.csv"))
        try Data(cadres.utf8).write(to: folder.appendingPathComponent("cadres.csv"))
        try Data("not a table".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let sheets = try JobWorkbook.sheets(inFolder: folder, first: "leaders.csv")
        let tables = try WorkbookReader.sheets(of: WorkbookWriter.data(for: sheets), file: "staff.xlsx")
        #expect(tables.map(\.sheetName) == ["网格人员", "下沉干部"])
        #expect(tables[0].rows.map(\.cells) == [
            ["角色", "网格编号", "人员编号", "理由"], ["grid_leader", "C01-G01", "007", "a, b"],
            ["micro_grid_leader", "C01-G01", "P1", "'=HYPERLINK(\"x\")"],
        ])
        #expect(tables[1].rows.map(\.cells) == [["人员编号", "网格编号", "小时"], ["P2", "C01-G02", "4"]])
        #expect(JobWorkbook.columnTitle("no_such_column") == "no_such_column")
    }
}
