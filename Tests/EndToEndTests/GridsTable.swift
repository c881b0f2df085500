import Foundation

/// A small CSV reader for the checker (header row, comma-separated, double-quoted fields), written apart from the
/// engine's reader so that the checker shares no code with what it checks.
struct GridsTable {
    let header: [String]
    let rows: [[String: String]]

    init(url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var records: [[String]] = []
        var field = "", record: [String] = [], quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(field)
                field = ""
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r", pending == "\n" { pending = iterator.next() }
                record.append(field)
                field = ""
                if record != [""] { records.append(record) }
                record = []
            } else if scalar != "\u{FEFF}" {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        let names = records.first ?? []
        header = names
        rows = records.dropFirst().map { values in
            var row: [String: String] = [:]
            for (index, name) in names.enumerated() where index < values.count { row[name] = values[index] }
            return row
        }
    }

    static func read(_ directory: URL, _ name: String) throws -> GridsTable? {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try GridsTable(url: url)
    }
}
