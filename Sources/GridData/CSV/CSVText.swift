import Foundation

/// A CSV file's bytes as UTF-8 without a byte-order mark, whatever encoding the file was saved in.
///
/// UTF-8 (with or without BOM) is taken as it is. Bytes that are not valid UTF-8 are tried as GB18030, which
/// contains GBK and GB2312 and is what Excel writes for "CSV" on Chinese Windows; Foundation decodes it on Linux
/// and macOS alike, so no iconv shim is needed. UTF-16 (Excel's "Unicode text") and anything else is refused with
/// a message that says how to re-save the file.
struct CSVText {
    /// UTF-8, BOM removed.
    let bytes: [UInt8]
    let encoding: SourceEncoding

    /// `NSStringEncoding` for `kCFStringEncodingGB_18030_2000` (0x0632 with the CF flag bit).
    private static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    private static let resaveAdvice =
        "re-save it as UTF-8 (Excel: File > Save As > \"CSV UTF-8 (Comma delimited)\"; WPS: 另存为 \"CSV UTF-8\")"

    /// What decoding gave: the text, or the problem that names the encoding found and how to re-save.
    enum Decoded {
        case success(CSVText)
        case failure(DataIssue)
    }

    /// Decodes a file's raw bytes.
    static func decode(_ raw: [UInt8], file: String) -> Decoded {
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
            let body = Array(raw[3...])
            guard isValidUTF8(body) else {
                return .failure(invalidUTF8Issue(body, file: file, offsetBase: 3))
            }
            return .success(CSVText(bytes: body, encoding: .utf8WithBOM))
        }
        if raw.count >= 2, (raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF) {
            return .failure(
                DataIssue(
                    file: file, line: 1, problem: "the file is UTF-16 (Excel's \"Unicode Text\"), which is not read",
                    expected: "a comma-separated file in UTF-8: \(resaveAdvice)"))
        }
        if isValidUTF8(raw) {
            return .success(CSVText(bytes: raw, encoding: .utf8))
        }
        if let decoded = String(data: Data(raw), encoding: gb18030) {
            return .success(CSVText(bytes: Array(decoded.utf8), encoding: .gb18030))
        }
        return .failure(invalidUTF8Issue(raw, file: file, offsetBase: 0))
    }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// Names the first bad byte's line so a user can find it even in a file that is mostly fine.
    private static func invalidUTF8Issue(_ bytes: [UInt8], file: String, offsetBase: Int) -> DataIssue {
        var line = 1
        var index = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var consumed = 0
        loop: while true {
            let before = consumed
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                }
            case .emptyInput:
                break loop
            case .error:
                index = before
                break loop
            }
        }
        let byte = index < bytes.count ? bytes[index] : 0
        let hex = String(byte, radix: 16, uppercase: true)
        return DataIssue(
            file: file, line: line,
            problem: "the file is neither UTF-8 nor GB18030/GBK (byte 0x\(hex.count == 1 ? "0" : "")\(hex) "
                + "at offset \(index + offsetBase) cannot be decoded)",
            expected: "a UTF-8 text file: \(resaveAdvice)")
    }
}
