import Foundation
import GridData
import GridModel
import Testing

/// Cells a spreadsheet would run as a formula are written with a leading apostrophe and read back as they were;
/// numbers stay numbers.
@Suite struct CSVFormulaGuardTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-", "'-"),
        ("-inf", "'-inf"),
        ("-3", "-3"),
        ("-0.5", "-0.5"),
        ("+2", "+2"),
        ("-1.5e-5", "-1.5e-5"),
        ("plain", "plain"),
        ("王=芳", "王=芳"),
        ("'quoted", "'quoted"),
        ("", ""),
    ])
    func neutralisesFormulasButNotNumbers(cell: String, expected: String) {
        #expect(CSVFormulaGuard.neutralise(cell) == expected)
        #expect(CSVFormulaGuard.restore(CSVFormulaGuard.neutralise(cell)) == cell)
    }

    @Test func restoreOnlyTakesBackItsOwnApostrophe() {
        #expect(CSVFormulaGuard.restore("'abc") == "'abc")
        #expect(CSVFormulaGuard.restore("''=x") == "''=x")
        #expect(CSVFormulaGuard.restore("'") == "'")
    }

    @Test func encodedCellsStartWithTheApostropheInsideTheirQuotes() {
        #expect(CSVWriter.encode("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVWriter.encode("@x") == "'@x")
        #expect(CSVWriter.encodeRow(["-3", "-x", "1"]) == "-3,'-x,1\n")
    }

    /// Written by CSVWriter, read by the street reader: the names come back exactly, the numbers as numbers.
    @Test func aRoundTripThroughWriterAndReaderGivesTheOriginalText() throws {
        let folder = try TemporaryFolder.make("formula-roundtrip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["=HYPERLINK(\"http://x\")", "@SUM(A1)", "+86 138", "-x-", "王芳"]
        let buildings = try CSVWriter(
            url: folder.appendingPathComponent("buildings.csv"),
            header: ["building_id", "community_id", "households", "x", "y"])
        try buildings.write(["B01", "C01", "10", "-3", "-0.5"])
        try buildings.close()
        let people = try CSVWriter(
            url: folder.appendingPathComponent("people.csv"), header: ["person_id", "name", "roles"])
        for (index, name) in names.enumerated() { try people.write(["P\(index + 1)", name, "volunteer"]) }
        try people.close()

        let bytes = try String(contentsOf: folder.appendingPathComponent("people.csv"), encoding: .utf8)
        #expect(bytes.contains("\nP1,\"'=HYPERLINK(\"\"http://x\"\")\",volunteer\n"))
        #expect(bytes.contains("\nP2,'@SUM(A1),volunteer\n"))
        let buildingBytes = try String(contentsOf: folder.appendingPathComponent("buildings.csv"), encoding: .utf8)
        #expect(buildingBytes.hasSuffix("\nB01,C01,10,-3,-0.5\n"))

        let street = try StreetLoader(directory: folder).load()
        #expect(street.people.map(\.name) == names)
        #expect(street.buildings.first?.position.x == -3)
        #expect(street.buildings.first?.position.y == -0.5)
    }
}
