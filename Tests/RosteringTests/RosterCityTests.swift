import Foundation
import GridModel
import GridSynthesis
import PlanningTestFixtures
import Rostering
import Testing

/// One week of a generated city, street by street (the roster decomposes by community, so a street at a time
/// is the same work). Slow: runs only when WANGGE_ROSTER_CITY_HOUSEHOLDS is set (e.g. 1600000), in a release
/// build: `WANGGE_ROSTER_CITY_HOUSEHOLDS=1600000 swift test -c release --filter RosterCityTests`.
@Suite struct RosterCityTests {
    static var households: Int? {
        ProcessInfo.processInfo.environment["WANGGE_ROSTER_CITY_HOUSEHOLDS"].flatMap { Int($0) }
    }

    @Test(.enabled(if: households != nil)) func cityWeekIsPlannedInTime() throws {
        let households = try #require(Self.households)
        let rules = try RosterFixtures.rules()
        let week = try RosterFixtures.week("2026-W48")
        var seconds = 0.0
        var due = 0
        var met = 0
        var streets = 0
        var unmet: [String] = []
        try CityGenerator(seed: 9, households: households).forEachStreet { street in
            let plan = StaffingTestPlan.cut(street)
            var gridOfBuilding: [BuildingID: GridID] = [:]
            for row in plan where gridOfBuilding[row.buildingID] == nil { gridOfBuilding[row.buildingID] = row.gridID }
            // Posts come from staffing; without them every person serves their home grid (or community).
            let input = RosterInput(street: street, week: week, gridOfBuilding: gridOfBuilding, postsOfPerson: [:])
            let start = Date()
            let result = try RosterPlanner(ruleSet: rules).plan(input)
            seconds += Date().timeIntervalSince(start)
            due += result.kpis.dueVisits
            met += result.kpis.metVisits
            streets += 1
            unmet += result.unmet.prefix(2).map { "\($0.residentID): \($0.reason)" }
        }
        print("roster city \(households) households, \(streets) streets: \(due) due, \(met) met, \(seconds) s planning")
        print(unmet.prefix(5))
        #expect(seconds < 360)
        // Without staffing posts a grid may have no visitor living in it; nearly every visit is still met.
        #expect(Double(met) >= 0.999 * Double(due))
    }
}
