import Foundation
import GridModel
import Rostering
import GridRules
import Testing

/// The roster assignment's coefficients come from the rules: an overlay changing the pairing bonus changes a roster.
@Suite struct RosterObjectiveRuleTests {
    /// Grid 1 with two volunteers: P1, paired with three weekly residents, has 4 hours (4 visits' worth of
    /// visiting time), P2 has 40. The pairing is not kept (`keep_paired_visitor: false`), so the assignment LP
    /// weighs the paired person's bonus against load: P1's k-th visit costs 0.35 × k / 4, P2's about 0.35 × 3 / 40.
    static func pairedKept(bonus: String) throws -> (kept: Int, paired: Int, rows: [RosterEntry]) {
        var street = RosterTestStreet()
        street.person("P1", roles: [.volunteer], hours: 4)
        street.person("P2", roles: [.volunteer], hours: 40)
        for index in 1...3 { street.resident("R\(index)", [.elderlyAlone], birthYear: 1940, paired: "P1") }
        let overlay = RuleFile(
            name: "pairing-preference.yaml",
            text: """
                rules:
                  - id: visits.fixed_pairing
                    parameters:
                      keep_paired_visitor: false
                      assignment_bonus_when_not_kept: \(bonus)
                """)
        let rules = try RuleSet.builtIn(overlays: [overlay])
        let input = street.input(week: try RosterTestStreet.week("2026-W48"))
        let result = try RosterPlanner(ruleSet: rules, assignment: .linearProgram).plan(input)
        #expect(result.unmet.isEmpty)
        return (result.kpis.pairedKept, result.kpis.pairedVisits, result.entries.filter { $0.kind == .visit })
    }

    @Test func withoutABonusTheLessLoadedVisitorTakesThePairedVisits() throws {
        let (kept, paired, rows) = try Self.pairedKept(bonus: "0")
        #expect(paired == 3)
        #expect(kept == 0)
        #expect(rows.allSatisfy { $0.personID == "P2" })
    }

    @Test func theRulesBonusGivesOneVisitToThePairedPerson() throws {
        // The shipped 0.1 outweighs P1's first visit (0.0875 against P2's 0.026), not the second (0.175).
        let (kept, _, _) = try Self.pairedKept(bonus: "0.1")
        #expect(kept == 1)
    }

    @Test func aLargerBonusKeepsEveryPairing() throws {
        let (kept, _, rows) = try Self.pairedKept(bonus: "0.3")
        #expect(kept == 3)
        #expect(rows.allSatisfy { $0.personID == "P1" && $0.reason.contains("visits.fixed_pairing") })
    }
}
