import Foundation
import GridData
import GridModel
import GridPlanning
import GridRules
import GridSynthesis

/// Streets, plans and rules for the staffing tests.
enum StaffingFixtures {
    /// The year ages are computed in (fixed so the tests do not change with the calendar).
    static let year = 2026

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func rules() throws -> RuleSet { try RuleSet.builtIn() }

    /// The sample street and its committed test plan (made by Fixtures/staffing/make_plan.py).
    static func sample() throws -> (Street, [GridAssignment]) {
        let street = try StreetLoader.load(from: repository.appendingPathComponent("Scenarios/sample-street"))
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw GridPlanningError.unreadableFile(file: "Fixtures", reason: "test fixtures missing")
        }
        let plan = try PlanFolderReader(street: street).readGrids(
            in: fixtures.appendingPathComponent("staffing/sample-plan"))
        return (street, plan)
    }

    /// A generated street and a plan cut from it.
    static func generated(seed: UInt64, households: Int) throws -> (Street, [GridAssignment]) {
        let street = try StreetGenerator(seed: seed, households: households).generate()
        return (street, StaffingTestPlan.cut(street))
    }
}
