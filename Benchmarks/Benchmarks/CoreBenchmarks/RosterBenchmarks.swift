import Benchmark
import Foundation
import GridData
import GridModel
import GridRules
import Rostering
import Staffing

/// One week's roster of the sample street (20,000 households, 2026-W48 with no history: every November visit
/// still owed, about 5,000 due visits), on the committed test plan with posts from a staffing run.
func rosterBenchmarks(repository: URL) {
    Benchmark(
        "Roster one week of the sample street (2026-W48, no history)",
        configuration: .init(maxDuration: .seconds(60), maxIterations: 5)
    ) { benchmark in
        let street = try StreetLoader.load(from: repository.appendingPathComponent("Scenarios/sample-street"))
        let plan = try PlanFolderReader(street: street).readGrids(
            in: repository.appendingPathComponent("Tests/PlanningTestFixtures/Fixtures/staffing/sample-plan"))
        let rules = try RuleSet.load(directory: repository.appendingPathComponent("Rules"))
        let staffing = try StaffingPlanner(ruleSet: rules).plan(
            StaffingInput(street: street, plan: plan, referenceYear: 2026))
        var posts: [PersonID: Set<GridID>] = [:]
        for leader in staffing.leaders { posts[leader.personID, default: []].insert(leader.gridID) }
        for post in staffing.cadrePosts { posts[post.personID, default: []].insert(post.gridID) }
        for placement in staffing.reporting { posts[placement.personID, default: []].insert(placement.gridID) }
        var gridOfBuilding: [BuildingID: GridID] = [:]
        for row in plan where gridOfBuilding[row.buildingID] == nil { gridOfBuilding[row.buildingID] = row.gridID }
        guard let week = ISOWeek(parsing: "2026-W48") else { return }
        let input = RosterInput(street: street, week: week, gridOfBuilding: gridOfBuilding, postsOfPerson: posts)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try RosterPlanner(ruleSet: rules).plan(input))
        }
    }
}
