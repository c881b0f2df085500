import Foundation
import Testing

/// `wangge rules check|show|explain` run as a user would: exit codes per the data-format spec (0 clean, 2 bad input).
@Suite struct RulesCommandTests {
    static var shippedRules: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Rules")
    }

    /// A temporary working folder with a copy of the shipped rules in `Rules/`, optionally edited.
    func workspace(editing edit: (String, String) -> String = { $1 }) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wangge-rules-cli-\(UUID().uuidString)")
        let rules = root.appendingPathComponent("Rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.shippedRules.path)
        where name.hasSuffix(".yaml") {
            let text = try String(contentsOf: Self.shippedRules.appendingPathComponent(name), encoding: .utf8)
            try edit(name, text).write(to: rules.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func checkWithoutRulesFolderUsesTheBuiltInRules() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let outcome = try WanggeBinary.run(["rules", "check"], in: empty)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("built-in defaults") && outcome.stdout.contains("sha256:"))
        // The shipped folder gives the same identity as the built-in copy.
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shipped = try WanggeBinary.run(["rules", "check"], in: folder)
        #expect(shipped.status == 0)
        let hash = { (text: String) in text.components(separatedBy: "identity ").last }
        #expect(hash(shipped.stdout) == hash(outcome.stdout))
    }

    @Test func checkExitsTwoWithFileLineColumnOnStderr() throws {
        let folder = try workspace { name, text in
            name == "grid.yaml"
                ? text.replacingOccurrences(of: "{ min: 300, max: 500 }", with: "{ min: 300, max: 250 }") : text
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try WanggeBinary.run(["rules", "check", "Rules"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("Rules/grid.yaml:18:26: error:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("min 300 is above max 250"))
    }

    @Test func showEffectiveNamesTheOverlay() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let overlay = "rules:\n  - id: visits.key_person\n    parameters:\n      frequency: 1 per week\n"
        try overlay.write(to: folder.appendingPathComponent("weekly.yaml"), atomically: true, encoding: .utf8)
        let outcome = try WanggeBinary.run(["rules", "show", "--overlay", "weekly.yaml", "--effective"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("frequency: 1 per week  # weekly.yaml:4:18"))
        #expect(outcome.stdout.contains("min: 300  # grid.yaml:18:26"))
        let again = try WanggeBinary.run(["rules", "show", "--overlay", "weekly.yaml", "--effective"], in: folder)
        #expect(again.stdout == outcome.stdout)
    }

    @Test func explainSaysWhatWhereAndSource() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try WanggeBinary.run(["rules", "explain", "staffing.micro_grid_leader"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("party member"))
        #expect(outcome.stdout.contains("applies to: every community"))
        #expect(outcome.stdout.contains("source:     pudong-zhuqiao-micro-grid-leader"))
        let unknown = try WanggeBinary.run(["rules", "explain", "staffing.micro_grid_leadr"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'staffing.micro_grid_leader'?"))
    }
}
