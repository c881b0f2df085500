import Foundation
import Testing

@testable import GridRules

/// Every file in Fixtures/invalid declares in its first two lines how it is loaded (`# mode: overlay` onto the
/// built-in rules, or `# mode: base` as an extra base file) and the error it must give
/// (`# expect: LINE:COLUMN code message-fragment`, positions computed independently of the loader). The fragments
/// are in English, so the files load with English as the command's language.
@Suite struct InvalidRuleFileTests {
    struct Expectation: CustomStringConvertible {
        var name: String
        var mode: String
        var line: Int
        var column: Int
        var code: String
        var fragment: String
        var description: String { name }
    }

    static let names: [String] = {
        guard
            let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("invalid"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: url.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    static func expectation(_ name: String) throws -> Expectation {
        let text = try RulesFixtures.text("invalid/\(name)")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let mode = try #require(lines.first?.split(separator: " ").last.map(String.init))
        let expect = try #require(lines.dropFirst().first).split(separator: " ", maxSplits: 4).map(String.init)
        try #require(expect.count == 5 && expect[1] == "expect:")
        let position = expect[2].split(separator: ":").compactMap { Int($0) }
        try #require(position.count == 2)
        return Expectation(
            name: name, mode: mode, line: position[0], column: position[1], code: expect[3], fragment: expect[4])
    }

    @Test func atLeastFifteenFixtures() {
        #expect(Self.names.count >= 15)
    }

    @Test(arguments: names)
    func givesItsExpectedError(name: String) throws {
        let expected = try Self.expectation(name)
        let fixture = try RulesFixtures.ruleFile("invalid/\(name)")
        let problems: [RuleProblem]
        switch expected.mode {
        case "overlay":
            problems = RulesFixtures.inEnglish {
                RulesFixtures.problems(files: EmbeddedRules.files, overlays: [fixture])
            }
        case "base":
            problems = RulesFixtures.inEnglish { RulesFixtures.problems(files: EmbeddedRules.files + [fixture]) }
        default:
            Issue.record("unknown mode \(expected.mode)")
            return
        }
        #expect(!problems.isEmpty, "\(name) loaded without error")
        let match = problems.first { problem in
            problem.location == SourceLocation(file: fixture.name, line: expected.line, column: expected.column)
                && problem.code.rawValue == expected.code && problem.message.contains(expected.fragment)
        }
        let wanted = "\(expected.line):\(expected.column) \(expected.code) '\(expected.fragment)'"
        #expect(match != nil, "\(name): expected \(wanted), got \(problems)")
        // The built-in rules are clean, so every problem must lie in the fixture.
        #expect(problems.allSatisfy { $0.location.file == fixture.name }, "\(problems)")
    }
}
