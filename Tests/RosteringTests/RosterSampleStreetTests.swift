import Foundation
import GridModel
import Rostering
import Testing

@Suite struct RosterSampleStreetTests {
    @Test func sampleStreetWeekMeetsEveryDueVisit() throws {
        let input = try RosterFixtures.sample(week: try RosterFixtures.week("2026-W48"))
        let start = Date()
        let result = try RosterPlanner(ruleSet: try RosterFixtures.rules()).plan(input)
        let seconds = Date().timeIntervalSince(start)
        print("roster sample W48: \(seconds) s, kpis \(result.kpis)")
        #expect(result.kpis.dueVisits > 1000)
        #expect(result.unmet.isEmpty)
        #expect(result.doorKnockingMissed.isEmpty)
        let rules = try RosterFixtures.rules()
        let problems = RosterRuleCheck(input: input, rules: rules).violations(result)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        // Paired residents keep their visitor: a visit this week by the paired person.
        var kept = 0
        var paired = 0
        for resident in input.street.residents {
            guard let person = resident.pairedPersonID else { continue }
            let rows = result.entries.filter { $0.residentID == resident.id }
            guard !rows.isEmpty else { continue }
            paired += 1
            if rows.contains(where: { $0.personID == person }) { kept += 1 }
        }
        #expect(Double(kept) >= 0.95 * Double(paired), "\(kept) of \(paired) paired residents keep their visitor")
        // Every cadre has a round.
        let cadres = input.street.people.filter { $0.roles.contains(.sunkCadre) }.map(\.id)
        let rounds = Set(result.entries.filter { $0.kind == .doorKnocking }.map(\.personID))
        #expect(cadres.allSatisfy(rounds.contains))
    }
}
