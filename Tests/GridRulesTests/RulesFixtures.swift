import Foundation
import GridModel
import Testing

@testable import GridRules

/// Paths and files the rules tests share: the fixtures folder, the package's Rules/ folder.
enum RulesFixtures {
    /// The copied Fixtures folder of the test bundle.
    static var root: URL {
        get throws { try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)) }
    }

    /// The package root, found from this source file (tests run from the package checkout).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The shipped Rules/ folder.
    static var rulesDirectory: URL { packageRoot.appendingPathComponent("Rules") }

    /// A fixture file's text.
    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// A fixture as a rule file named by its path under Fixtures.
    static func ruleFile(_ relativePath: String) throws -> RuleFile {
        RuleFile(name: relativePath, text: try text(relativePath))
    }

    /// `body` run with English as the command's language, for tests that compare today's English wording.
    static func inEnglish<Result>(_ body: () throws -> Result) rethrows -> Result {
        try Language.$current.withValue(.english, operation: body)
    }

    /// The problems a load reports (empty when it loads).
    static func problems(files: [RuleFile], overlays: [RuleFile] = []) -> [RuleProblem] {
        do throws(GridRulesError) {
            _ = try RuleSet.load(files: files, overlays: overlays)
            return []
        } catch {
            return error.problems
        }
    }
}
