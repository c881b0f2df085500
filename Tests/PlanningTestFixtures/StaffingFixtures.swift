import Foundation
import GridData
import GridModel
import GridRules
import GridSynthesis

/// Streets, plans and rules for the staffing tests.
public enum StaffingFixtures {
    /// The year ages are computed in (fixed so the tests do not change with the calendar).
    public static let year = 2026

    public static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    public static func rules() throws -> RuleSet { try RuleSet.builtIn() }

    /// The sample street and its committed test plan (made by Fixtures/staffing/make_plan.py).
    public static func sample() throws -> (Street, [GridAssignment]) {
        let street = try StreetLoader.load(from: repository.appendingPathComponent("Scenarios/sample-street"))
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw GridDataError(DataIssue(file: "Fixtures", problem: "test fixtures missing"))
        }
        let plan = try PlanFolderReader(street: street).readGrids(
            in: fixtures.appendingPathComponent("staffing/sample-plan"))
        return (street, plan)
    }

    /// A generated street and a plan cut from it.
    public static func generated(seed: UInt64, households: Int) throws -> (Street, [GridAssignment]) {
        let street = try StreetGenerator(seed: seed, households: households).generate()
        return (street, StaffingTestPlan.cut(street))
    }
}
