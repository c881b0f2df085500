import Foundation
import GridModel
import GridPlanning
import Testing

@Suite struct RosterSampleStreetTests {
    @Test func sampleStreetWeekMeetsEveryDueVisit() throws {
        let input = try RosterFixtures.sample(week: try RosterFixtures.week("2026-W48"))
        let start = Date()
        let result = try RosterPlanner(ruleSet: try RosterFixtures.rules()).plan(input)
        let seconds = Date().timeIntervalSince(start)
        print("roster sample W48: \(seconds) s, kpis \(result.kpis)")
        print(result.unmet.prefix(5))
        print(result.warnings.prefix(5))
        #expect(result.kpis.dueVisits > 0)
        #expect(result.unmet.isEmpty)
    }
}

extension RosterSampleStreetTests {
    @Test func pairedDiagnostics() throws {
        let input = try RosterFixtures.sample(week: try RosterFixtures.week("2026-W48"))
        let result = try RosterPlanner(ruleSet: try RosterFixtures.rules()).plan(input)
        let people = Dictionary(uniqueKeysWithValues: input.street.people.map { ($0.id, $0) })
        var count: [PersonID: Int] = [:]
        for entry in result.entries where entry.kind == .visit { count[entry.personID, default: 0] += 1 }
        var lost: [PersonID: Int] = [:]
        for resident in input.street.residents {
            guard let paired = resident.pairedPersonID else { continue }
            let mine = result.entries.filter { $0.residentID == resident.id }
            if !mine.isEmpty && !mine.contains(where: { $0.personID == paired }) { lost[paired, default: 0] += 1 }
        }
        for (person, n) in lost.sorted(by: { $0.key < $1.key }).prefix(15) {
            let p = people[person]
            print("lost \(n) for \(person) roles \(p?.roles ?? []) hours \(p?.hoursPerWeek ?? -1) visits \(count[person] ?? 0) slots \(p?.availability?.count ?? -1)")
        }
    }
}
