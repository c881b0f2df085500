import Foundation
import Testing

@testable import GridData

@Suite(.inEnglish) struct CSVTextTests {
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        var random = CorruptedInputTests.SplitMix64(state: 42)
        let pieces: [[UInt8]] = [
            Array("abcdefgh".utf8), Array("楼栋".utf8), Array("😀".utf8), [0xC0, 0x80], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFF], [0xEF, 0xBB, 0xBF], [0xC2, 0xA9],
        ]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(12) { bytes += pieces[random.below(pieces.count)] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(CSVText.isValidUTF8(bytes) == expected, "\(bytes)")
        }
    }

    @Test func byteOrderMarkIsSkippedNotKept() {
        guard case .success(let text) = CSVText.decode([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8), file: "f.csv") else {
            Issue.record("a BOM file must decode")
            return
        }
        #expect(text.encoding == .utf8WithBOM)
        #expect(Array(text.bytes[text.start...]) == Array("a,b\n".utf8))
    }

    @Test func gb18030IsDecodedWhenTheBytesAreNotUTF8() {
        // "户数" in GBK.
        guard case .success(let text) = CSVText.decode([0xBB, 0xA7, 0xCA, 0xFD], file: "f.csv") else {
            Issue.record("GBK must decode")
            return
        }
        #expect(text.encoding == .gb18030)
        #expect(String(decoding: text.bytes[text.start...], as: UTF8.self) == "户数")
    }

    @Test func undecodableBytesNameTheEncodingsAndHowToResave() {
        guard case .failure(let issue) = CSVText.decode(Array("a\nb".utf8) + [0xFF, 0xFF], file: "f.csv") else {
            Issue.record("0xFF 0xFF is neither UTF-8 nor GB18030")
            return
        }
        #expect(issue.line == 2)
        #expect(issue.description.contains("neither UTF-8 nor GB18030/GBK"))
        #expect(issue.description.contains("CSV UTF-8"))
    }
}
