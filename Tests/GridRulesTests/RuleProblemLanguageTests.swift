import GridModel
import Testing

@testable import GridRules

/// Rule problems and `rules explain` read in Chinese by default and in today's English under `--lang en`, with the
/// location prefix and the problem code the same in both (editors and scripts jump by them).
@Suite struct RuleProblemLanguageTests {
    /// A typical slip: a misspelt key in an overlay, with the nearest allowed key suggested.
    static let misspeltKey = RuleFile(
        name: "overlays/c03.yaml",
        text: """
            rules:
              - id: grid.households_per_grid
                parameters:
                  households: { min: 160, mx: 255 }
            """)

    static func problem(in file: RuleFile) throws -> RuleProblem {
        let problems = RulesFixtures.problems(files: EmbeddedRules.files, overlays: [file])
        #expect(problems.count == 1, "\(problems)")
        return try #require(problems.first)
    }

    @Test func aRuleProblemIsChineseByDefault() throws {
        let problem = try Self.problem(in: Self.misspeltKey)
        #expect(problem.code == .unknownKey)
        #expect(problem.location == SourceLocation(file: "overlays/c03.yaml", line: 4, column: 31))
        #expect(
            problem.message == "grid.households_per_grid parameters.households：未知的键“mx”（是否应为“max”？）；可用的键：min、max"
        )
        #expect(problem.description.hasPrefix("overlays/c03.yaml:4:31: error: grid.households_per_grid"))
        #expect(problem.description.hasSuffix("[unknown-key]"))
    }

    @Test func aRuleProblemKeepsItsEnglishWordingUnderLangEn() throws {
        let problem = try RulesFixtures.inEnglish { try Self.problem(in: Self.misspeltKey) }
        #expect(
            problem.description
                == "overlays/c03.yaml:4:31: error: grid.households_per_grid parameters.households: unknown key 'mx' "
                + "(did you mean 'max'?); allowed: min, max [unknown-key]")
    }

    @Test func aContradictionReadsInEitherLanguage() throws {
        let overlay = RuleFile(
            name: "overlays/bounds.yaml",
            text: """
                rules:
                  - id: grid.households_per_grid
                    parameters:
                      households: { min: 600, max: 500 }
                """)
        let chinese = try Self.problem(in: overlay)
        let english = try RulesFixtures.inEnglish { try Self.problem(in: overlay) }
        let prefix = "grid.households_per_grid parameters.households"
        #expect(chinese.message == prefix + "：min 600 大于 max 500（max 在第 4 行）")
        #expect(english.message == prefix + ": min 600 is above max 500 (max at line 4)")
        #expect(chinese.location == english.location && chinese.code == english.code)
    }

    @Test func explainLabelsFollowTheLanguage() throws {
        let rules = try RuleSet.builtIn()
        let chinese = try #require(rules.explanation(of: "visits.key_person"))
        let english = try #require(RulesFixtures.inEnglish { rules.explanation(of: "visits.key_person") })
        #expect(chinese.contains("  级别：硬性") || chinese.contains("  级别：柔性"))
        #expect(chinese.contains("  适用范围：所有社区；类别为 key_person 的居民"))
        #expect(chinese.contains("frequency: 2 per month  # visits.yaml:"))
        #expect(english.contains("  applies to: every community; residents in key_person"))
        #expect(english.contains("  parameters (value, then where it was written):"))
    }

    @Test func builtInOriginIsNamedInTheLanguage() {
        #expect(RuleSet.Origin.builtIn.description == "内置默认规则")
        #expect(RulesFixtures.inEnglish { RuleSet.Origin.builtIn.description } == "built-in defaults")
    }
}
