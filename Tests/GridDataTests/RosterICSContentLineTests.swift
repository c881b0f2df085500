import GridData
import Testing

/// iCalendar content lines: escaping, quoting and folding at 75 octets without splitting a UTF-8 character.
@Suite struct RosterICSContentLineTests {
    /// Splits folded text back into physical lines (CRLF removed).
    static func physicalLines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        lines.removeLast()
        return lines
    }

    @Test(arguments: [
        "SUMMARY:走访 Visit: 王小明 R000123 楼栋 C01-Q01-B001 1单元 17层 同行 With: 李四、张三、赵六、钱七、孙八、周九、吴十",
        "DESCRIPTION:" + String(repeating: "a", count: 200),
        "X:" + String(repeating: "é", count: 100),
        "X:" + String(repeating: "😀", count: 40) + "tail",
        "SHORT:ok",
    ])
    func foldsAtSeventyFiveOctetsOnCharacterBoundaries(_ line: String) {
        let folded = ICSContentLine.fold(line)
        #expect(folded.hasSuffix("\r\n"))
        let physical = Self.physicalLines(folded)
        for (index, piece) in physical.enumerated() {
            #expect(piece.utf8.count <= 75, "line \(index) has \(piece.utf8.count) octets")
            if index > 0 { #expect(piece.hasPrefix(" ")) }
            // A piece that is valid UTF-8 on its own decodes back to the same bytes.
            #expect(String(validating: Array(piece.utf8), as: UTF8.self) != nil)
        }
        // Unfolding (drop CRLF + one space) restores the line.
        let unfolded = folded.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "")
        #expect(unfolded == line)
        if line.utf8.count > 75 { #expect(physical.count > 1) } else { #expect(physical.count == 1) }
    }

    @Test func foldedChineseLinesFillTheirOctets() {
        // 3-octet characters: 25 fill the first 75 octets; 24 follow a continuation space (73 octets), and the
        // last 11 another (34).
        let folded = ICSContentLine.fold(String(repeating: "网", count: 60))
        let physical = Self.physicalLines(folded)
        #expect(physical.map(\.utf8.count) == [75, 73, 34])
    }

    @Test func escapesText() {
        #expect(ICSContentLine.escapeText("a,b;c\\d") == "a\\,b\\;c\\\\d")
        #expect(ICSContentLine.escapeText("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour")
        #expect(ICSContentLine.escapeText("tab\there") == "tabhere")
        #expect(ICSContentLine.escapeText("王小明") == "王小明")
    }

    @Test func quotesParameterValues() {
        #expect(ICSContentLine.parameterValue("张三") == "张三")
        #expect(ICSContentLine.parameterValue("Zhang, San") == "\"Zhang, San\"")
        #expect(ICSContentLine.parameterValue("a\"b:c") == "\"ab:c\"")
    }
}
