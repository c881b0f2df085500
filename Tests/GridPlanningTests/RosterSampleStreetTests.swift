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
