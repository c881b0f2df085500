import Testing

@testable import GridData

@Suite(.inEnglish) struct CSVParserTests {
    private func records(_ text: String) -> (rows: [[String]], lines: [[Int]], issues: [DataIssue]) {
        var rows: [[String]] = []
        var lines: [[Int]] = []
        let issues = CSVParser.forEachRecord(in: Array(text.utf8), file: "t.csv") { record in
            rows.append((0..<record.count).map { record.string($0) })
            lines.append((0..<record.count).map { record.line(ofField: $0) })
        }
        return (rows, lines, issues)
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let result = records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n")
        #expect(result.rows == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(result.lines == [[1, 1, 1], [2, 2, 2], [4, 4, 4]])
        #expect(result.issues.isEmpty)
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func everyLineEndingWorks(ending: String) {
        let result = records(["h1,h2", "1,2", "\"3\(ending)4\",5", "6,7"].joined(separator: ending) + ending)
        #expect(result.rows == [["h1", "h2"], ["1", "2"], ["3\(ending)4", "5"], ["6", "7"]])
        #expect(result.lines.map(\.first) == [1, 2, 3, 5])
    }

    @Test func blankLinesAreSkippedButCounted() {
        let result = records("h\n\n1\n\r\n2")
        #expect(result.rows == [["h"], ["1"], ["2"]])
        #expect(result.lines == [[1], [3], [5]])
    }

    @Test func unclosedQuoteIsReportedWithItsLine() {
        let result = records("h1,h2\n1,\"open\nstill open")
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.line == 2)
        #expect(result.issues.first?.column == 2)
        #expect(result.issues.first?.problem.contains("never closed") == true)
    }

    @Test func textAfterClosingQuoteIsReportedAndKept() {
        let result = records("h1,h2\n\"ab\"c,d\n")
        #expect(result.rows[1] == ["abc", "d"])
        #expect(result.issues.first?.column == 1)
    }

    @Test func quoteInsideUnquotedFieldIsText() {
        let result = records("h\n5\"3\n")
        #expect(result.rows[1] == ["5\"3"])
        #expect(result.issues.isEmpty)
    }

    @Test(arguments: [
        ("0", 0), ("42", 42), ("-7", -7), ("+3", 3), ("123456789012345678", 123_456_789_012_345_678),
    ])
    func integersParseFromBytes(text: String, value: Int) {
        guard case .value(let parsed) = CSVRow.parseInteger(ArraySlice(text.utf8)) else {
            Issue.record("\(text) did not parse")
            return
        }
        #expect(parsed == value)
    }

    @Test(arguments: ["", "-", "1.5", "1e3", "12a", " 1", "1234567890123456789"])
    func nonIntegersAreRefused(text: String) {
        if case .value = CSVRow.parseInteger(ArraySlice(text.utf8)) {
            Issue.record("\(text) parsed as an integer")
        }
    }

    @Test func listsSplitOnAsciiAndFullWidthSemicolons() {
        #expect(CSVRow.splitList(" a ;b；c;;　d　") == ["a", "b", "c", "d"])
    }
}
