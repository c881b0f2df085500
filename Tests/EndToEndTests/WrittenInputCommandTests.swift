import Foundation
import Testing

/// Input as planners type it, end to end: one community of the sample street saved plainly, and its twin saved as
/// Excel on Chinese Windows would (GBK, Chinese headers, `1,329.7`, full-width digits, `84.0`, `2026/11/23`), give
/// the same validation figures and the same grids.csv; grids are drawn without people.csv; a misspelt
/// `paired_person` header stops every job that reads it.
@Suite(.serialized) struct WrittenInputCommandTests {
    /// C05: 45 buildings, small enough for two debug-build draws.
    static let community = "C05"

    /// A CSV file of the sample street as rows of fields (its files hold no quoted fields).
    static func table(_ name: String) throws -> [[String]] {
        let url = Repository.path("Scenarios/sample-street/\(name)")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    static func text(_ rows: [[String]]) -> String {
        rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// The community's files, plain.
    static func plainStreet() throws -> [String: [[String]]] {
        let buildings = try table("buildings.csv")
        let kept = buildings.dropFirst().filter { $0[1] == community }
        let ids = Set(kept.map { $0[0] })
        let units = try table("units.csv")
        let communities = try table("communities.csv")
        let people = try table("people.csv")
        // People of the community, living in it (a home elsewhere would name a building the copy lacks).
        let localPeople = people.dropFirst().filter { $0[8] == community }.map { row -> [String] in
            var row = row
            if !ids.contains(row[5]) { row[5] = "" }
            return row
        }
        let personIDs = Set(localPeople.map { $0[0] })
        let residents = try table("residents.csv")
        let localResidents = residents.dropFirst().filter { ids.contains($0[1]) }.map { row -> [String] in
            var row = row
            if !personIDs.contains(row[7]) { row[7] = "" }
            return row
        }
        let visitor = try #require(localPeople.first)[0]
        let visited = try #require(localResidents.first)[0]
        return [
            "buildings.csv": [buildings[0]] + kept,
            "units.csv": [units[0]] + units.dropFirst().filter { ids.contains($0[0]) },
            "communities.csv": [communities[0]] + communities.dropFirst().filter { $0[0] == community },
            "people.csv": [people[0]] + localPeople,
            "residents.csv": [residents[0]] + localResidents,
            "visits.csv": [
                ["date", "person_id", "resident_id", "outcome"], ["2026-11-02", visitor, visited, "done"],
                ["2026-11-16", visitor, visited, "missed"],
            ],
            "leave.csv": [["person_id", "from", "to"], [visitor, "2026-11-23", "2026-11-25"]],
            "calendar.csv": [["date", "kind"], ["2026-01-01", "holiday"], ["2026-02-15", "workday"]],
        ]
    }

    /// `1,329.7` for a coordinate of four digits or more.
    static func grouped(_ text: String) -> String {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var digits = String(parts[0])
        let negative = digits.hasPrefix("-")
        if negative { digits.removeFirst() }
        guard digits.count > 3 else { return text }
        digits.insert(",", at: digits.index(digits.endIndex, offsetBy: -3))
        return "\"" + (negative ? "-" : "") + digits + (parts.count > 1 ? "." + parts[1] : "") + "\""
    }

    /// Full-width digits (`１２０`).
    static func fullWidth(_ text: String) -> String {
        func wide(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            scalar.value >= 0x30 && scalar.value <= 0x39 ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.map(wide)))
    }

    /// The same files as typed in Excel: Chinese headers, grouped, full-width and `.0` numbers, slashed dates.
    static func writtenStreet(_ plain: [String: [[String]]]) -> [String: [[String]]] {
        var written = plain
        var buildings = plain["buildings.csv"] ?? []
        // building_id,community_id,compound_id,households,x,y,kind,compound_type,floors,units
        buildings[0] = ["楼栋编号", "社区", "小区", "户数", "x", "y", "类型", "小区类型", "层数", "单元数"]
        for index in buildings.indices.dropFirst() {
            var row = buildings[index]
            switch index % 3 {
            case 0: row[3] = fullWidth(row[3])
            case 1: row[3] += ".0"
            default: break
            }
            row[4] = grouped(row[4])
            row[5] = grouped(row[5])
            if !row[8].isEmpty { row[8] = index % 2 == 0 ? fullWidth(row[8]) : row[8] + ".00" }
            buildings[index] = row
        }
        written["buildings.csv"] = buildings
        var units = plain["units.csv"] ?? []
        for index in units.indices.dropFirst() { units[index][2] = fullWidth(units[index][2]) }
        written["units.csv"] = units
        let dates = ["2026-11-02": "2026/11/2", "2026-11-16": "2026年11月16日", "2026-11-23": "2026/11/23",
            "2026-11-25": "2026.11.25", "2026-01-01": "2026/1/1", "2026-02-15": "２０２６／２／１５"]
        for name in ["visits.csv", "leave.csv", "calendar.csv"] {
            written[name] = written[name]?.map { row in row.map { dates[$0] ?? $0 } }
        }
        return written
    }

    static func save(_ files: [String: [[String]]], to folder: URL, gbk: Bool) throws {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // GB18030 (kCFStringEncodingGB_18030_2000), the superset of GBK that Excel writes on Chinese Windows.
        let encoding = gbk ? String.Encoding(rawValue: 0x8000_0632) : .utf8
        for (name, rows) in files {
            let data = try #require(text(rows).data(using: encoding), "\(name) cannot be encoded")
            try data.write(to: folder.appendingPathComponent(name))
        }
    }

    /// validate's figures without the folder's name and the files' encodings.
    static func figures(_ outcome: WanggeBinary.Outcome) -> [String] {
        outcome.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("street:") }.map { line in
            line.replacingOccurrences(of: ", GB18030/GBK", with: "").replacingOccurrences(of: ", UTF-8", with: "")
        }
    }

    @Test func excelStyleInputGivesTheSamePlanAsItsPlainTwin() throws {
        let root = try GridsDrawCommandTests.temporary("written")
        defer { try? FileManager.default.removeItem(at: root) }
        let plain = try Self.plainStreet()
        let written = Self.writtenStreet(plain)
        let plainFolder = root.appendingPathComponent("plain")
        let writtenFolder = root.appendingPathComponent("written")
        let gbkFolder = root.appendingPathComponent("gbk")
        try Self.save(plain, to: plainFolder, gbk: false)
        try Self.save(written, to: writtenFolder, gbk: false)
        try Self.save(written, to: gbkFolder, gbk: true)
        let gbkBuildings = try Data(contentsOf: gbkFolder.appendingPathComponent("buildings.csv"))
        #expect(String(data: gbkBuildings, encoding: .utf8) == nil, "the GBK copy must not be UTF-8")

        let plainCheck = try GridsDrawCommandTests.run(["validate", plainFolder.path])
        #expect(plainCheck.status == 0, "\(plainCheck.stderr)")
        #expect(plainCheck.stdout.contains("leave.csv: 1 row") && plainCheck.stdout.contains("calendar.csv: 2 rows"))
        for folder in [writtenFolder, gbkFolder] {
            let check = try GridsDrawCommandTests.run(["validate", folder.path])
            #expect(check.status == 0, "\(folder.lastPathComponent): \(check.stderr)")
            #expect(Self.figures(check) == Self.figures(plainCheck), "\(folder.lastPathComponent)")
        }

        // Drawing needs no people: the plain twin loses people.csv (residents still name people in it).
        try FileManager.default.removeItem(at: plainFolder.appendingPathComponent("people.csv"))
        let plainOut = root.appendingPathComponent("plain-out")
        let gbkOut = root.appendingPathComponent("gbk-out")
        let plainDraw = try GridsDrawCommandTests.draw(plainFolder, out: plainOut)
        #expect(plainDraw.status != 2, "\(plainDraw.stderr)")
        let gbkDraw = try GridsDrawCommandTests.draw(gbkFolder, out: gbkOut)
        #expect(gbkDraw.status == plainDraw.status, "\(gbkDraw.stderr)")
        let plainGrids = try Data(contentsOf: plainOut.appendingPathComponent("grids.csv"))
        let gbkGrids = try Data(contentsOf: gbkOut.appendingPathComponent("grids.csv"))
        #expect(plainGrids == gbkGrids, "grids.csv differs between the plain and the Excel-style twin")
        #expect(plainGrids.count > 100)
    }

    @Test func aMisspeltPairingColumnStopsTheJobsThatReadIt() throws {
        let root = try GridsDrawCommandTests.temporary("misspelt")
        defer { try? FileManager.default.removeItem(at: root) }
        var files = try Self.plainStreet()
        files["residents.csv"]?[0][7] = "paired_person"
        let folder = root.appendingPathComponent("street")
        try Self.save(files, to: folder, gbk: false)
        let check = try GridsDrawCommandTests.run(["validate", folder.path])
        #expect(check.status == 2)
        #expect(
            check.stderr.contains(
                "residents.csv, line 1, column 8 (paired_person): `paired_person` is not a column; did you mean "
                    + "`paired_person_id`?"), "\(check.stderr)")
        #expect(check.stderr.contains("1 problem in"), "\(check.stderr)")
        let staff = try GridsDrawCommandTests.run(
            ["staff", "assign", folder.path, "--plan", folder.path, "--week", "2026/11/23", "--out",
                root.appendingPathComponent("staff").path])
        #expect(staff.status == 2 && staff.stderr.contains("did you mean `paired_person_id`?"), "\(staff.stderr)")
    }

    @Test func weekOptionsTakeADateInTheWeek() throws {
        let root = try GridsDrawCommandTests.temporary("week")
        defer { try? FileManager.default.removeItem(at: root) }
        let bad = try GridsDrawCommandTests.run(
            ["roster", Repository.path("Scenarios/sample-street").path, "--plan", root.path, "--week", "2026/13/01",
                "--out", root.appendingPathComponent("out").path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--week 2026/13/01: not an ISO week nor a date"), "\(bad.stderr)")
        // A date inside the week passes the option; the run stops later, at the missing plan.
        let good = try GridsDrawCommandTests.run(
            ["roster", Repository.path("Scenarios/sample-street").path, "--plan", root.path, "--week", "2026/11/23",
                "--out", root.appendingPathComponent("out").path])
        #expect(good.status == 2)
        #expect(!good.stderr.contains("--week"), "\(good.stderr)")
    }
}
