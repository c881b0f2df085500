import Foundation
import Testing

/// The README demo as a planner runs it, without `--lang`: Chinese is the default whatever the machine's locale, so
/// stdout, stderr, kpis.json's messages and the CSV reasons hold no English sentence outside ids, rule ids, file
/// names and paths (issue 12: "the demo's output in Chinese has no English sentence outside ids"). `--lang en` gives
/// the English wording, and a language the engine does not speak is refused naming `--lang`.
@Suite(.serialized) struct ChineseOutputTests {
    /// The week the README demo plans.
    static let week = "2026-W48"

    /// Runs wangge exactly as given (no `--lang` added, unlike ``WanggeBinary/run(_:in:)``) from the repository
    /// root, with a locale that is not Chinese: the release binary `WANGGE_BINARY` names, else the build beside
    /// the tests.
    static func launch(_ arguments: [String]) throws -> WanggeBinary.Outcome {
        let binary =
            ProcessInfo.processInfo.environment["WANGGE_BINARY"].map { URL(fileURLWithPath: $0) } ?? WanggeBinary.url
        return try WanggeBinary.launch(
            binary, arguments, in: Repository.root, environment: ["LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"])
    }

    /// `wangge plan Scenarios/sample-street --week 2026-W48 --out …`, run once for the suite.
    static let demoPlan: Result<(URL, WanggeBinary.Outcome), any Error> = Result {
        let out = try RosterTestKit.temporaryDirectory("chinese").appendingPathComponent("plan")
        let outcome = try launch(["plan", "Scenarios/sample-street", "--week", week, "--out", out.path])
        return (out, outcome)
    }

    /// `what` followed by its English lines, one per line, for a failing expectation.
    private static func report(_ what: String, _ lines: [String]) -> String {
        "\(what) holds \(lines.count) English line(s):\n" + lines.joined(separator: "\n")
    }

    // MARK: The demo's commands

    @Test func validateSpeaksChinese() throws {
        let outcome = try Self.launch(["validate", "Scenarios/sample-street"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("街道："), "\(outcome.stdout)")
        let english = EnglishSentenceFinder.englishLines(in: outcome.stdout + outcome.stderr)
        #expect(english.isEmpty, "\(Self.report("validate", english))")
    }

    @Test func rulesCheckSpeaksChinese() throws {
        let outcome = try Self.launch(["rules", "check", "Rules"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("通过："), "\(outcome.stdout)")
        let english = EnglishSentenceFinder.englishLines(in: outcome.stdout + outcome.stderr)
        #expect(english.isEmpty, "\(Self.report("rules check", english))")
    }

    @Test func planSummaryAndMessagesSpeakChinese() throws {
        let (_, outcome) = try Self.demoPlan.get()
        #expect(outcome.status <= 1, "\(outcome.stderr.suffix(2000))")
        for heading in ["网格划分 → ", "人员配置 → ", "走访排班 \(Self.week) → "] {
            #expect(outcome.stdout.contains(heading), "\(outcome.stdout)")
        }
        let stdout = EnglishSentenceFinder.englishLines(in: outcome.stdout)
        #expect(stdout.isEmpty, "\(Self.report("plan's stdout", stdout))")
        let stderr = EnglishSentenceFinder.englishLines(in: outcome.stderr)
        #expect(stderr.isEmpty, "\(Self.report("plan's stderr", stderr))")
    }

    @Test(arguments: ["grids", "staff", "roster"])
    func kpisMessagesSpeakChinese(job: String) throws {
        let (plan, _) = try Self.demoPlan.get()
        let data = try Data(contentsOf: plan.appendingPathComponent("\(job)/kpis.json"))
        let messages = Self.messages(in: try JSONSerialization.jsonObject(with: data))
        let english = messages.flatMap { EnglishSentenceFinder.englishLines(in: $0) }
        #expect(english.isEmpty, "\(Self.report("\(job)/kpis.json's messages", english))")
    }

    @Test(arguments: ["roster/roster.csv", "staff/leaders.csv", "staff/cadres.csv", "staff/shortfalls.csv"])
    func csvReasonsSpeakChinese(file: String) throws {
        let (plan, _) = try Self.demoPlan.get()
        let table = RosterTestKit.parse(
            try String(contentsOf: plan.appendingPathComponent(file), encoding: .utf8))
        let reason = try #require(table.column("reason"), "\(file) has no reason column: \(table.header)")
        let reasons = table.rows.map { reason < $0.count ? $0[reason] : "" }
        // Each distinct reason once, so that one English pattern is reported once rather than per row.
        let english = Array(Set(reasons.flatMap { EnglishSentenceFinder.englishLines(in: $0) })).sorted()
        #expect(english.isEmpty, "\(Self.report("\(file)'s reasons", Array(english.prefix(40))))")
    }

    /// Every `message` value anywhere in a JSON document (findings, warnings, per-community notes).
    static func messages(in json: Any) -> [String] {
        switch json {
        case let object as [String: Any]:
            return object.sorted { $0.key < $1.key }.flatMap { key, value -> [String] in
                if key == "message", let text = value as? String { return [text] }
                return messages(in: value)
            }
        case let array as [Any]:
            return array.flatMap { messages(in: $0) }
        default:
            return []
        }
    }

    // MARK: Choosing the language

    @Test func englishOnRequest() throws {
        let rules = try Self.launch(["rules", "check", "Rules", "--lang", "en"])
        #expect(rules.status == 0, "\(rules.stderr)")
        #expect(rules.stdout.hasPrefix("ok: "), "\(rules.stdout)")
        #expect(rules.stdout.contains(" rules, ") && rules.stdout.contains(" sources in Rules; identity "))
        let validate = try Self.launch(["validate", "Scenarios/sample-street", "--lang", "en"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.hasPrefix("street: Scenarios/sample-street\n"), "\(validate.stdout)")
        #expect(validate.stdout.contains("\nfiles:\n"))
        #expect(validate.stdout.contains("  buildings.csv: "))
        // Chinese is the default whatever LANG says; `--lang zh` names it too.
        let chinese = try Self.launch(["rules", "check", "Rules", "--lang", "zh"])
        #expect(chinese.stdout.hasPrefix("通过："), "\(chinese.stdout)")
    }

    @Test func anUnknownLanguageIsRefusedNamingTheOption() throws {
        let outcome = try Self.launch(["validate", "Scenarios/sample-street", "--lang", "fr"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("--lang"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("fr"), "\(outcome.stderr)")
    }

    /// Options refused while parsing speak the language the arguments name, though the command is not built yet.
    @Test func refusedOptionsFollowLang() throws {
        let street = "Scenarios/sample-street"
        let chinese = try Self.launch(["plan", street, "--week", Self.week, "--threads", "0", "--out", "/nonexistent"])
        #expect(chinese.status == 2)
        #expect(chinese.stderr.contains("--threads 0：至少为 1"), "\(chinese.stderr)")
        let english = try Self.launch([
            "plan", street, "--week", Self.week, "--threads", "0", "--out", "/nonexistent", "--lang", "en",
        ])
        #expect(english.status == 2)
        #expect(english.stderr.contains("--threads 0: expected at least 1"), "\(english.stderr)")
    }

    // MARK: The finder itself

    @Test(arguments: [
        "households per grid 306–500 (mean 434.8)",
        "  rules not met: 3; warnings: 0",
        "unmet: building C01-Q03-B002 has no building leader (staffing.building_leader)",
        "households: 20000",
        "  community_worker: 98",
        "  mental_health_0: 189",
        "网格 C01-G02 has no leader",
        "… and 87 more in kpis.json",
    ])
    func finderFlagsEnglish(line: String) {
        #expect(EnglishSentenceFinder.holdsEnglish(line), "\(EnglishSentenceFinder.englishRuns(in: line))")
    }

    @Test(arguments: [
        "网格 C01-G02 缺少楼栋长（规则 staffing.building_leader）",
        "网格划分 → /tmp/wangge-chinese/plan/grids",
        "  楼栋到网格重心的平均距离 182.4 米；最远 612 m（步行 803 m）",
        "  规则标识：sha256:d286bbe35487fe43d19e6e39d18ecc50d1529a8695e2f94a21166f42a4096227",
        "  buildings.csv：共 595 行，编码 UTF-8",
        "走访排班 2026-W48 → out/plan/roster：应访 1200 次，已安排 1200 次",
        "P000123 结对 R000150，部门 D07，见 kpis.json",
        "求解状态 optimal；差距 5.4 %",
        "",
    ])
    func finderPassesChinese(line: String) {
        #expect(!EnglishSentenceFinder.holdsEnglish(line), "\(EnglishSentenceFinder.englishRuns(in: line))")
    }
}
