import Foundation
import Testing

/// The CSVs people read: names after the ids (checked against the street's own files with the tests' CSV reader),
/// a UTF-8 BOM on every CSV written, and no cell a spreadsheet would run as a formula, even when every name in the
/// street is one.
@Suite(.serialized) struct ReadableOutputTests {
    static let week = "2026-W48"
    static let formula = "=HYPERLINK(\"http://x\",\"y\")"

    // MARK: Oracle

    /// The street's files as the tests read them, keyed by id.
    struct StreetFiles {
        var people: [String: [String: String]] = [:]
        var residents: [String: [String: String]] = [:]
        var communityNames: [String: String] = [:]
        var departmentNames: [String: String] = [:]

        init(_ street: URL) throws {
            func records(_ name: String) throws -> [[String: String]] {
                try RosterTestKit.read(street.appendingPathComponent(name)).records
            }
            for row in try records("people.csv") { people[row["person_id"] ?? ""] = row }
            for row in try records("residents.csv") { residents[row["resident_id"] ?? ""] = row }
            for row in try records("communities.csv") { communityNames[row["community_id"] ?? ""] = row["name"] }
            for row in try records("departments.csv") { departmentNames[row["department_id"] ?? ""] = row["name"] }
        }
    }

    /// The grid name the README promises, built from the grid's code without the engine's GridName: the
    /// community's name, then 第N网格 (第N专属网格 for a special grid), then 第M微网格 for a micro-grid.
    static func expectedName(code: String, communityName: String) -> String {
        var parts = code.split(separator: "-").map(String.init)
        var suffix = ""
        if let last = parts.last, last.hasPrefix("M"), let micro = Int(last.dropFirst()), parts.count >= 3 {
            suffix = "第\(micro)微网格"
            parts.removeLast()
        }
        guard let grid = parts.last, let number = Int(grid.dropFirst()) else { return code }
        return "\(communityName)第\(number)\(grid.hasPrefix("S") ? "专属网格" : "网格")" + suffix
    }

    /// The spec's columns first and in order, then `added`.
    static func expectHeader(_ table: RosterTestKit.Table, spec: [String], added: [String], _ file: String) {
        #expect(Array(table.header.prefix(spec.count)) == spec, "\(file): \(table.header)")
        for column in added { #expect(table.header.contains(column), "\(file) lacks \(column)") }
    }

    // MARK: Names

    @Test func staffingAndRosterCSVsCarryTheNamesOfTheirIds() throws {
        let (plan, outcome) = try OutputContractTests.samplePlan.get()
        #expect(outcome.status <= 1, "\(outcome.stderr.suffix(1000))")
        let street = try StreetFiles(RosterTestKit.sampleStreet)
        var communityOfGrid: [String: String] = [:]
        for row in try RosterTestKit.read(plan.appendingPathComponent("grids/grids.csv")).records {
            communityOfGrid[row["grid_id"] ?? ""] = row["community_id"]
        }
        func gridName(_ grid: String) -> String {
            Self.expectedName(code: grid, communityName: street.communityNames[communityOfGrid[grid] ?? ""] ?? "")
        }
        func expectPerson(_ row: [String: String], id: String, prefix: String = "", _ file: String) {
            let person = street.people[row[id] ?? ""]
            #expect(person != nil, "\(file): unknown \(id) \(row[id] ?? "")")
            #expect(row[prefix + "name"] == person?["name"] && row[prefix + "name"]?.isEmpty == false, "\(file) \(row)")
            #expect(row[prefix + "phone"] == person?["phone"], "\(file) \(row)")
        }

        let leaders = try RosterTestKit.read(plan.appendingPathComponent("staff/leaders.csv"))
        Self.expectHeader(
            leaders, spec: ["role", "grid_id", "micro_grid_id", "building_id", "person_id", "reason"],
            added: ["name", "phone", "department_name", "community_name", "grid_name", "micro_grid_name"],
            "leaders.csv")
        #expect(leaders.rows.count > 100)
        for row in leaders.records {
            expectPerson(row, id: "person_id", "leaders.csv")
            let grid = row["grid_id"] ?? ""
            #expect(row["community_name"] == street.communityNames[communityOfGrid[grid] ?? ""], "\(row)")
            #expect(row["grid_name"] == gridName(grid), "\(row)")
            let micro = row["micro_grid_id"] ?? ""
            let community = street.communityNames[communityOfGrid[grid] ?? ""] ?? ""
            let expectedMicro = micro.isEmpty ? "" : Self.expectedName(code: micro, communityName: community)
            #expect(row["micro_grid_name"] == expectedMicro, "\(row)")
        }
        #expect(leaders.records.contains { $0["grid_name"]?.hasSuffix("专属网格") == true })
        #expect(leaders.records.contains { $0["micro_grid_name"]?.hasSuffix("微网格") == true })

        let cadres = try RosterTestKit.read(plan.appendingPathComponent("staff/cadres.csv"))
        Self.expectHeader(
            cadres, spec: ["person_id", "grid_id", "post", "hours"],
            added: ["reason", "name", "phone", "department_name", "community_name", "grid_name"], "cadres.csv")
        #expect(!cadres.rows.isEmpty)
        for row in cadres.records {
            expectPerson(row, id: "person_id", "cadres.csv")
            let department = street.people[row["person_id"] ?? ""]?["department"] ?? ""
            #expect(row["department_name"] == street.departmentNames[department], "\(row)")
            #expect(row["department_name"]?.isEmpty == false, "\(row)")
            #expect(row["grid_name"] == gridName(row["grid_id"] ?? ""), "\(row)")
        }

        let reporting = try RosterTestKit.read(plan.appendingPathComponent("staff/reporting.csv"))
        Self.expectHeader(
            reporting, spec: ["person_id", "community_id", "grid_id", "reason"],
            added: ["name", "phone", "department_name", "community_name", "grid_name"], "reporting.csv")
        #expect(!reporting.rows.isEmpty)
        for row in reporting.records {
            expectPerson(row, id: "person_id", "reporting.csv")
            #expect(row["community_name"] == street.communityNames[row["community_id"] ?? ""], "\(row)")
            #expect(row["grid_name"] == gridName(row["grid_id"] ?? ""), "\(row)")
            let department = street.people[row["person_id"] ?? ""]?["department"] ?? ""
            #expect(row["department_name"] == (street.departmentNames[department] ?? ""), "\(row)")
        }

        let mentoring = try RosterTestKit.read(plan.appendingPathComponent("staff/mentoring.csv"))
        Self.expectHeader(
            mentoring, spec: ["mentor_id", "new_worker_id", "reason"],
            added: ["mentor_name", "mentor_phone", "new_worker_name", "new_worker_phone", "community_name"],
            "mentoring.csv")
        #expect(!mentoring.rows.isEmpty)
        for row in mentoring.records {
            expectPerson(row, id: "mentor_id", prefix: "mentor_", "mentoring.csv")
            expectPerson(row, id: "new_worker_id", prefix: "new_worker_", "mentoring.csv")
            // The new worker's community, when people.csv fixes it (else their home building's).
            let community = street.people[row["new_worker_id"] ?? ""]?["community_id"] ?? ""
            if !community.isEmpty { #expect(row["community_name"] == street.communityNames[community], "\(row)") }
        }

        let roster = try RosterTestKit.read(plan.appendingPathComponent("roster/roster.csv"))
        Self.expectHeader(
            roster, spec: ["week", "date", "slot", "person_id", "resident_id", "grid_id", "kind", "reason"],
            added: [
                "name", "phone", "department_name", "community_name", "grid_name", "resident_name", "building_id",
                "unit", "floor",
            ], "roster.csv")
        #expect(roster.rows.count > 100)
        for row in roster.records {
            expectPerson(row, id: "person_id", "roster.csv")
            #expect(row["grid_name"] == gridName(row["grid_id"] ?? ""), "\(row)")
            guard let resident = street.residents[row["resident_id"] ?? ""] else {
                #expect(row["kind"] == "door_knocking" && row["resident_name"] == "" && row["building_id"] == "")
                continue
            }
            #expect(row["resident_name"] == resident["name"] && resident["name"]?.isEmpty == false, "\(row)")
            #expect(row["building_id"] == resident["building_id"], "\(row)")
            #expect(row["unit"] == resident["unit"] && row["floor"] == resident["floor"], "\(row)")
        }
        let mode = try FileManager.default.attributesOfItem(
            atPath: plan.appendingPathComponent("roster/roster.csv").path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600, "roster.csv names residents: owner-only")

        let unmet = try RosterTestKit.read(plan.appendingPathComponent("roster/unmet.csv"))
        Self.expectHeader(
            unmet, spec: ["resident_id", "due", "reason"], added: ["resident_name", "grid_name", "building_id"],
            "unmet.csv")
        for row in unmet.records {
            #expect(row["resident_name"] == street.residents[row["resident_id"] ?? ""]?["name"], "\(row)")
        }
    }

    // MARK: BOM

    /// Every file under `folder` (subfolders too) whose name ends in .csv.
    static func csvFiles(under folder: URL) throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var found: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "csv" { found.append(url) }
        }
        return found.sorted { $0.path < $1.path }
    }

    @Test func everyCSVWrittenStartsWithAByteOrderMark() throws {
        let (plan, _) = try OutputContractTests.samplePlan.get()
        let street = try RosterTestKit.temporaryDirectory("bom-street")
        let generated = try RosterTestKit.run([
            "generate", "street", "--seed", "5", "--households", "1200", "--out", street.path,
        ])
        #expect(generated.status == 0, "\(generated.stderr)")
        let files = try Self.csvFiles(under: plan) + Self.csvFiles(under: street)
        #expect(files.count >= 15, "\(files.map(\.lastPathComponent))")
        for file in files {
            let bytes = try Data(contentsOf: file)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(file.path) has no BOM")
            #expect(!bytes.dropFirst(3).starts(with: [0xEF, 0xBB, 0xBF]), "\(file.path) has two BOMs")
        }
    }

    // MARK: Formulas

    @Test func aNameThatIsAFormulaReachesNoCSVCellUnneutralised() throws {
        let street = try RosterTestKit.temporaryDirectory("formula-street")
        let generated = try RosterTestKit.run([
            "generate", "street", "--seed", "3", "--households", "1000", "--out", street.path,
        ])
        #expect(generated.status == 0, "\(generated.stderr)")
        /// Sets `column` of every row of `file` to `value`.
        func overwrite(_ file: String, _ column: String, _ value: String) throws {
            let url = street.appendingPathComponent(file)
            var table = try RosterTestKit.read(url)
            let index = try #require(table.column(column), "\(file) has no \(column)")
            for row in table.rows.indices { table.rows[row][index] = value }
            try RosterTestKit.write(table, to: url)
        }
        try overwrite("people.csv", "name", Self.formula)
        try overwrite("people.csv", "phone", "@SUM(1+1)")
        try overwrite("residents.csv", "name", Self.formula)
        try overwrite("communities.csv", "name", "-1+2")
        try overwrite("departments.csv", "name", "+cmd")
        let out = try RosterTestKit.temporaryDirectory("formula-plan").appendingPathComponent("plan")
        let outcome = try RosterTestKit.run(["plan", street.path, "--week", Self.week, "--out", out.path])
        #expect(outcome.status <= 1, "\(outcome.stderr.suffix(1000))")

        var neutralised: Set<String> = []
        let files = try Self.csvFiles(under: out)
        #expect(files.count >= 7)
        for file in files {
            let table = try RosterTestKit.read(file)
            for (index, cell) in (table.rows.flatMap { $0 } + table.header).enumerated() {
                guard let first = cell.unicodeScalars.first else { continue }
                if first == "'" { neutralised.insert(cell) }
                let risky = "=+-@\t\r".unicodeScalars.contains(first)
                #expect(!risky || Double(cell) != nil, "\(file.lastPathComponent) cell \(index): \(cell)")
            }
        }
        // The names did reach the files, each behind the apostrophe that spreadsheets show as text.
        for expected in ["'" + Self.formula, "'@SUM(1+1)", "'+cmd", "'-1+2第1网格"] {
            #expect(neutralised.contains(expected), "no cell \(expected) in \(neutralised.sorted().prefix(10))")
        }
    }
}
