import Foundation
import Testing

/// What the roster end-to-end tests share: paths, temporary folders, a small CSV reader and writer of their own (no
/// code of the engine), a seeded generator, and a plan folder for the sample street made once per test run.
enum RosterTestKit {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var sampleStreet: URL { repository.appendingPathComponent("Scenarios/sample-street") }
    static var sampleGrids: URL {
        repository.appendingPathComponent("Tests/PlanningTestFixtures/Fixtures/staffing/sample-plan/grids.csv")
    }
    static var visitRules: URL { repository.appendingPathComponent("Rules/visits.yaml") }

    static func temporaryDirectory(_ tag: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wangge-roster-\(tag)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The sample street's plan in one folder (the layout `--plan` accepts besides `wangge plan`'s): the committed
    /// test grids.csv and the files `wangge staff assign` writes for it (made once).
    static let samplePlan: Result<URL, any Error> = Result {
        let folder = try temporaryDirectory("plan")
        try FileManager.default.copyItem(at: sampleGrids, to: folder.appendingPathComponent("grids.csv"))
        let staff = folder.appendingPathComponent("staff")
        let outcome = try run([
            "staff", "assign", sampleStreet.path, "--plan", folder.path, "--out", staff.path, "--week", "2026-W48",
        ])
        // The sample street is short of building leaders (exit 1); the posts are written all the same.
        guard outcome.status <= 1 else { throw KitError("staff assign failed: \(outcome.stderr)") }
        for name in ["leaders.csv", "cadres.csv", "mentoring.csv", "reporting.csv", "shortfalls.csv"] {
            try FileManager.default.copyItem(
                at: staff.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try FileManager.default.removeItem(at: staff)
        return folder
    }

    struct KitError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    // MARK: CSV

    /// A CSV table read by the tests' own RFC 4180 parser: a header and rows of named cells.
    struct Table {
        var header: [String]
        var rows: [[String]]

        func column(_ name: String) -> Int? { header.firstIndex(of: name) }

        /// Rows as dictionaries (missing cells read as "").
        var records: [[String: String]] {
            rows.map { row in
                var record: [String: String] = [:]
                for (index, name) in header.enumerated() { record[name] = index < row.count ? row[index] : "" }
                return record
            }
        }

        /// The table as CSV text (LF line ends, quoting as needed).
        var text: String {
            ([header] + rows).map { $0.map(RosterTestKit.quote).joined(separator: ",") }.joined(separator: "\n")
                + "\n"
        }
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Parses CSV text: quoted fields with doubled quotes, CRLF or LF, a leading BOM dropped.
    static func parse(_ text: String) -> Table {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var justClosedQuote = false
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        func endRecord() {
            record.append(field)
            field = ""
            if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
            record = []
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if inQuotes {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                        justClosedQuote = true
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else {
                switch scalar {
                case "\"" where field.isEmpty && !justClosedQuote: inQuotes = true
                case ",":
                    record.append(field)
                    field = ""
                    justClosedQuote = false
                case "\r": break
                case "\n":
                    endRecord()
                    justClosedQuote = false
                default: field.unicodeScalars.append(scalar)
                }
            }
            index += 1
        }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        guard let header = records.first else { return Table(header: [], rows: []) }
        return Table(header: header, rows: Array(records.dropFirst()))
    }

    static func read(_ url: URL) throws -> Table { parse(try String(contentsOf: url, encoding: .utf8)) }

    static func write(_ table: Table, to url: URL) throws {
        try table.text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Copies a folder's files (not subfolders) into a new temporary folder.
    static func copyFolder(_ source: URL, tag: String) throws -> URL {
        let target = try temporaryDirectory(tag)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        return target
    }

    // MARK: Running

    /// A release build named by `WANGGE_BINARY` (as .ci/test sets it), which plans a week of the sample street in
    /// about a second where the debug build takes about six.
    static var releaseBinary: URL? {
        ProcessInfo.processInfo.environment["WANGGE_BINARY"].map { URL(fileURLWithPath: $0) }
    }

    /// Runs wangge: the release binary when one is given, else the build beside the tests.
    static func run(_ arguments: [String]) throws -> WanggeBinary.Outcome {
        guard let binary = releaseBinary else { return try WanggeBinary.run(arguments) }
        return try WanggeBinary.launch(binary, WanggeBinary.inEnglish(arguments))
    }

    /// Runs `wangge roster`.
    static func roster(
        street: URL, plan: URL, week: String, out: URL, extra: [String] = []
    ) throws -> WanggeBinary.Outcome {
        try run(["roster", street.path, "--plan", plan.path, "--week", week, "--out", out.path] + extra)
    }
}

/// SplitMix64: the tests' own seeded generator.
struct RosterTestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
}
