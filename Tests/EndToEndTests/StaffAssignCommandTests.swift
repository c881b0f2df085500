import Foundation
import Testing

/// `wangge staff assign` as a user runs it, on the sample street and its committed test plan.
@Suite struct StaffAssignCommandTests {
    private static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    private static var street: String { repository.appendingPathComponent("Scenarios/sample-street").path }
    private static var plan: String {
        repository.appendingPathComponent("Tests/PlanningTestFixtures/Fixtures/staffing/sample-plan").path
    }

    private static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-staff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static func rows(_ url: URL) throws -> [[String: String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        return lines.map { line in
            // Only the leading id columns are read; the reason (last, possibly quoted with commas) is skipped.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (index, name) in header.enumerated() where index < fields.count { row[name] = fields[index] }
            return row
        }
    }

    @Test func writesEveryFileAndExitsOneWhenShort() throws {
        let out = try Self.temporaryDirectory()
        let outcome = try WanggeBinary.run([
            "staff", "assign", Self.street, "--plan", Self.plan, "--out", out.path, "--as-of", "2026-11-23",
        ])
        // The sample street has residential buildings where nobody of people.csv lives: building leaders are short.
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("staffing.building_leader"))
        for name in [
            "leaders.csv", "cadres.csv", "mentoring.csv", "reporting.csv", "shortfalls.csv", "kpis.json",
            "run.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let leaders = try Self.rows(out.appendingPathComponent("leaders.csv"))
        #expect(leaders.contains { $0["role"] == "grid_leader" })
        #expect(leaders.contains { $0["role"] == "micro_grid_leader" && $0["micro_grid_id"]?.isEmpty == false })
        let kpis = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("kpis.json")))
        let object = try #require(kpis as? [String: Any])
        let ruleSet = try #require(object["rule_set"] as? [String: Any])
        #expect((ruleSet["hash"] as? String)?.isEmpty == false)
        #expect(((object["counts"] as? [String: Any])?["shortfall_total"] as? Int ?? 0) > 0)
        let shortfalls = try Self.rows(out.appendingPathComponent("shortfalls.csv"))
        #expect(shortfalls.allSatisfy { $0["rule_id"]?.hasPrefix("staffing.") == true })
    }

    @Test func sameInputWritesTheSameFiles() throws {
        let first = try Self.temporaryDirectory()
        let second = try Self.temporaryDirectory()
        for out in [first, second] {
            _ = try WanggeBinary.run([
                "staff", "assign", Self.street, "--plan", Self.plan, "--out", out.path, "--as-of", "2026-11-23",
            ])
        }
        for name in ["leaders.csv", "cadres.csv", "mentoring.csv", "reporting.csv", "shortfalls.csv", "kpis.json"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between runs")
        }
    }

    @Test func unknownHomeBuildingIsBadInput() throws {
        let street = try Self.temporaryDirectory()
        let source = URL(fileURLWithPath: Self.street)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name), to: street.appendingPathComponent(name))
        }
        let people = street.appendingPathComponent("people.csv")
        var text = try String(contentsOf: people, encoding: .utf8)
        let range = try #require(text.range(of: ",C01-Q03-B002,"))
        text.replaceSubrange(range, with: ",C01-Q99-B999,")
        try text.write(to: people, atomically: true, encoding: .utf8)
        let out = try Self.temporaryDirectory()
        let outcome = try WanggeBinary.run([
            "staff", "assign", street.path, "--plan", Self.plan, "--out", out.path, "--as-of", "2026-11-23",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("people.csv") && outcome.stderr.contains("C01-Q99-B999"))
    }

    @Test func planFolderWithoutGridsIsBadInput() throws {
        let empty = try Self.temporaryDirectory()
        let outcome = try WanggeBinary.run([
            "staff", "assign", Self.street, "--plan", empty.path, "--out", empty.appendingPathComponent("out").path,
            "--week", "2026-W48",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("grids.csv"))
    }
}
