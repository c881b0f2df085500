import Foundation
import GridData
import Testing

@Suite struct CSVWriterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("王**, 桂湖社区", "\"王**, 桂湖社区\""),
        ("", ""),
    ])
    func quotesOnlyWhatNeedsQuoting(field: String, expected: String) {
        #expect(CSVWriter.encode(field) == expected)
    }

    @Test func aTableBuiltAsTextStartsWithTheBOMToo() {
        #expect(Array(CSVWriter.encodeHeader(["a", "b"]).utf8) == [0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8))
    }

    /// Excel and WPS on Chinese Windows read a CSV as UTF-8 only after a byte order mark.
    @Test func fileIsUTF8WithBOMWithLFAndRoundTrips() throws {
        let directory = try TestCSV.temporaryDirectory("csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("t.csv")
        let rows = [["1", "王芳", "a,b"], ["2", "say \"x\"", "two\nlines"], ["3", "", "end"]]
        let writer = try CSVWriter(url: url, header: ["id", "name", "note"])
        for row in rows { try writer.write(row) }
        try writer.close()
        #expect(writer.rowCount == 3)
        let data = try Data(contentsOf: url)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!data.contains(0x0D))
        #expect(data.last == 0x0A)
        let parsed = TestCSV.parse(String(decoding: data.dropFirst(3), as: UTF8.self))
        #expect(parsed == [["id", "name", "note"]] + rows)
    }

    @Test func largeFilesFlushInBlocks() throws {
        let directory = try TestCSV.temporaryDirectory("csv-large")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("big.csv")
        let writer = try CSVWriter(url: url, header: ["n", "text"])
        for n in 0..<60_000 { try writer.write([String(n), "行\(n),\"q\""]) }
        try writer.close()
        let parsed = TestCSV.parse(try String(contentsOf: url, encoding: .utf8))
        #expect(parsed.count == 60_001)
        #expect(parsed[59_999 + 1] == ["59999", "行59999,\"q\""])
    }

    @Test(arguments: [
        (12.34, 1, "12.3"), (-12.35, 1, "-12.4"), (0.04, 1, "0.0"), (-0.04, 1, "0.0"), (5, 0, "5"),
        (2.5, 0, "3"), (-2.5, 0, "-3"), (1234567.891, 2, "1234567.89"), (0.5, 3, "0.500"),
    ])
    func fixedDecimalsAreStable(value: Double, places: Int, expected: String) {
        #expect(CSVNumber.fixed(value, places: places) == expected)
    }

    @Test func trimmedDropsTrailingZeros() {
        #expect(CSVNumber.trimmed(4, maxPlaces: 2) == "4")
        #expect(CSVNumber.trimmed(2.5, maxPlaces: 2) == "2.5")
        #expect(CSVNumber.trimmed(-0.001, maxPlaces: 2) == "0")
        #expect(CSVNumber.fixed(.nan, places: 1) == "nan")
    }
}
