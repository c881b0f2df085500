import Foundation

/// A tiny RFC 4180 reader written for the tests alone, so that files are checked without the generator's or
/// the writer's own code.
enum TestCSV {
    /// Rows of `text`: fields split on commas outside quotes, `""` inside quotes read as one quote.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// A file as dictionaries keyed by header name.
    static func table(_ url: URL) throws -> (header: [String], rows: [[String: String]]) {
        let rows = parse(try String(contentsOf: url, encoding: .utf8))
        guard let header = rows.first else { return ([], []) }
        let records = rows.dropFirst().map { fields in
            Dictionary(uniqueKeysWithValues: zip(header, fields).map { ($0, $1) })
        }
        return (header, Array(records))
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("wangge-synthesis-tests-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
