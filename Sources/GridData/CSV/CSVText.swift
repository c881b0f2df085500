import Foundation
import GridModel

/// Reads a whole file into one byte array (no intermediate `Data` copy); nil when it cannot be opened or read.
func readFileBytes(atPath path: String) -> [UInt8]? {
    guard let stream = InputStream(fileAtPath: path) else { return nil }
    stream.open()
    defer { stream.close() }
    let size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    var bytes: [UInt8] = []
    bytes.reserveCapacity(size + 1)
    let chunk = 1 << 20
    var buffer = [UInt8](repeating: 0, count: chunk)
    while true {
        let read = buffer.withUnsafeMutableBufferPointer { pointer -> Int in
            guard let base = pointer.baseAddress else { return -1 }
            return stream.read(base, maxLength: chunk)
        }
        if read < 0 { return nil }
        if read == 0 { break }
        bytes.append(contentsOf: buffer[0..<read])
    }
    return bytes
}

/// A CSV file's bytes as UTF-8 without a byte-order mark, whatever encoding the file was saved in.
///
/// UTF-8 (with or without BOM) is taken as it is. Bytes that are not valid UTF-8 are tried as GB18030, which
/// contains GBK and GB2312 and is what Excel writes for "CSV" on Chinese Windows; Foundation decodes it on Linux
/// and macOS alike, so no iconv shim is needed. UTF-16 (Excel's "Unicode text") and anything else is refused with
/// a message that says how to re-save the file.
struct CSVText {
    /// The text is UTF-8 from `start` on; a byte-order mark, if any, lies before `start` (skipped rather than copied away).
    let bytes: [UInt8]
    let start: Int
    let encoding: SourceEncoding

    /// `NSStringEncoding` for `kCFStringEncodingGB_18030_2000` (0x0632 with the CF flag bit).
    private static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// How to re-save, in the command's language; WPS's menu item is named in Chinese in both.
    private static var resaveAdvice: String { Message.text("data.csv.resave_advice", ["wps_save_as": "另存为"]) }

    /// What decoding gave: the text, or the problem that names the encoding found and how to re-save.
    enum Decoded {
        case success(CSVText)
        case failure(DataIssue)
    }

    /// Decodes a file's raw bytes.
    /// The decoded text of the file at `url`, named `name` in issues; nil (and the issue logged) when it cannot be
    /// read or decoded.
    /// An `.xlsx` file is read as its first sheet (``WorkbookReader``).
    static func read(_ url: URL, name: String, log: inout IssueLog) -> CSVText? {
        guard let data = readFileBytes(atPath: url.path) else {
            log.add(DataIssue(file: name, problem: Message.text("data.csv.cannot_read"),
                    expected: Message.text("data.csv.readable_file")))
            return nil
        }
        if url.pathExtension.lowercased() == "xlsx" {
            do throws(GridDataError) {
                let table = try WorkbookReader.firstSheet(of: Data(data), file: name)
                return CSVText(bytes: table.csvBytes, start: 0, encoding: .workbook)
            } catch {
                for issue in error.issues { log.add(issue) }
                return nil
            }
        }
        switch decode(data, file: name) {
        case .success(let decoded): return decoded
        case .failure(let issue):
            log.add(issue)
            return nil
        }
    }

    static func decode(_ raw: [UInt8], file: String) -> Decoded {
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
            guard isValidUTF8(raw, from: 3) else {
                return .failure(invalidUTF8Issue(Array(raw[3...]), file: file, offsetBase: 3))
            }
            return .success(CSVText(bytes: raw, start: 3, encoding: .utf8WithBOM))
        }
        if raw.count >= 2, (raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF) {
            return .failure(
                DataIssue(
                    file: file, line: 1, problem: Message.text("data.csv.utf16"),
                    expected: Message.text("data.csv.utf8_csv", ["advice": resaveAdvice])))
        }
        if isValidUTF8(raw) {
            return .success(CSVText(bytes: raw, start: 0, encoding: .utf8))
        }
        if let decoded = String(data: Data(raw), encoding: gb18030) {
            return .success(CSVText(bytes: Array(decoded.utf8), start: 0, encoding: .gb18030))
        }
        return .failure(invalidUTF8Issue(raw, file: file, offsetBase: 0))
    }

    /// Validates without building a string: ASCII eight bytes at a time, other sequences by the UTF-8 rules
    /// (no overlongs, no surrogates, nothing above U+10FFFF).
    ///
    /// - Complexity: O(n); a 50 MB file takes a few milliseconds and allocates nothing.
    static func isValidUTF8(_ bytes: [UInt8], from start: Int = 0) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            guard let base = buffer.baseAddress else { return true }
            var index = start
            while index < count {
                if index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0:
                    length = 3
                    low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED:
                    length = 3
                    high = 0x9F
                case 0xF0:
                    length = 4
                    low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4:
                    length = 4
                    high = 0x8F
                default: return false
                }
                guard index + length <= count else { return false }
                let second = buffer[index + 1]
                guard second >= low && second <= high else { return false }
                for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 { return false }
                index += length
            }
            return true
        }
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
            problem: Message.text(
                "data.csv.undecodable", ["byte": (hex.count == 1 ? "0" : "") + hex, "offset": "\(index + offsetBase)"]),
            expected: Message.text("data.csv.utf8_text", ["advice": resaveAdvice]))
    }
}
