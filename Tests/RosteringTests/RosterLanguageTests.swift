import GridModel
import GridRules
import Rostering
import Testing

/// roster.csv's and unmet.csv's reasons and the roster's findings read in Chinese unless the command asks for
/// English, where they keep the old wording; the roster itself is the same in both languages.
@Suite struct RosterLanguageTests {
    let rules: RuleSet
    init() throws { rules = try RosterFixtures.rules() }

    /// One grid worker free on Monday mornings only, and more weekly residents than one slot holds.
    func plan() throws -> RosterResult {
        var street = RosterTestStreet()
        street.person("P1", roles: [.gridWorker], slots: ["Mon-AM"])
        for index in 0..<12 { street.resident("R\(100 + index)", [.elderlyAlone], birthYear: 1940) }
        return try RosterPlanner(ruleSet: rules).plan(street.input(week: try RosterTestStreet.week("2026-W48")))
    }

    /// The words of `text` that are neither ids, rule ids, dates nor numbers.
    static func englishWords(_ text: String) -> [String] {
        func isIdCharacter(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character))
        }
        func isEnglishWord(_ word: Substring) -> Bool {
            word.first?.isLetter == true && !word.contains(".") && !word.contains(where: \.isNumber)
        }
        let words = text.split { !isIdCharacter($0) }
        return words.filter(isEnglishWord).map(String.init)
    }

    static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test func aVisitsReasonIsChineseByDefaultAndTheOldWordingInEnglish() throws {
        let chinese = try plan()
        let english = try Language.$current.withValue(.english) { try plan() }
        let visitor = rules.visits.visitorRoles.ruleID, caps = rules.visits.maxVisitsPerSlot.ruleID
        let first = try #require(chinese.entries.first)
        #expect(first.reason == "负责网格 C01-G01（规则 \(visitor)）；周一上午有空（规则 \(caps)）")
        #expect(english.entries.first?.reason == "serves C01-G01 (\(visitor)); Mon-AM available (\(caps))")
        func withoutReasons(_ entries: [RosterEntry]) -> [RosterEntry] {
            entries.map { entry in
                var copy = entry
                copy.reason = ""
                return copy
            }
        }
        #expect(withoutReasons(chinese.entries) == withoutReasons(english.entries))
        #expect(chinese.unmet.map(\.residentID) == english.unmet.map(\.residentID))
    }

    @Test func anUnmetVisitsReasonAndFindingAreChineseByDefault() throws {
        let chinese = try #require(try plan().unmet.first)
        let english = try #require(try Language.$current.withValue(.english) { try plan() }.unmet.first)
        let rule = chinese.ruleID.rawValue
        #expect(chinese.reason.hasPrefix("\(rule)：") && Self.hasHan(chinese.reason), "\(chinese.reason)")
        #expect(Self.englishWords(chinese.reason).isEmpty, "\(chinese.reason)")
        let finding = chinese.finding.description
        #expect(Self.hasHan(finding) && Self.englishWords(finding).isEmpty, "\(finding)")
        #expect(english.reason.hasPrefix("\(rule): no visitor serving C01-G01 has a free slot by "), "\(english.reason)")
        #expect(english.reason.contains("(1 visitor: 0 at their weekly limit (cap "), "\(english.reason)")
        let englishFinding = Language.$current.withValue(.english) { english.finding.description }
        #expect(englishFinding.hasPrefix("\(rule) at \(english.residentID): visit due \(english.due) not placed: no visitor"))
        #expect(englishFinding.hasSuffix("with every slot full) [by 1]"), "\(englishFinding)")
    }
}
