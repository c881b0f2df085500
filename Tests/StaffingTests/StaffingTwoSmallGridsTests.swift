import Foundation
import GridModel
import GridRules
import PlanningTestFixtures
import Staffing
import Testing

/// When an overlay allows one leader for two small grids, scarce leaders cover more grids, and only pairs of grids
/// within the rule's combined households.
@Suite struct StaffingTwoSmallGridsTests {
    private static let overlay = """
        overlay: two-small-grids
        rules:
          - id: staffing.grid_leader
            parameters:
              per_grid: 1
              eligible: { role_in: [community_worker, grid_worker] }
              max_grids_per_person: 1
              two_small_grids: { allowed: true, max_combined_households: 900 }
        """

    @Test func oneLeaderMayLeadTwoSmallGrids() throws {
        var (street, plan) = try StaffingFixtures.generated(seed: 51, households: 6000)
        // Keep a third of the people eligible to lead, so that leaders are short.
        var seen = 0
        street.people = street.people.filter { person in
            guard person.roles.contains(.communityWorker) || person.roles.contains(.gridWorker) else { return true }
            defer { seen += 1 }
            return seen % 3 == 0
        }
        for index in street.residents.indices { street.residents[index].pairedPersonID = nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("two-small-\(UUID().uuidString).yaml")
        try Self.overlay.write(to: file, atomically: true, encoding: .utf8)
        let base = try StaffingFixtures.rules()
        let relaxed = try RuleSet.builtIn(overlays: [file])
        #expect(relaxed.staffing.twoSmallGridsAllowed.value)
        let input = StaffingInput(street: street, plan: plan, referenceYear: StaffingFixtures.year)
        let strict = try StaffingPlanner(ruleSet: base).plan(input)
        let paired = try StaffingPlanner(ruleSet: relaxed).plan(input)
        let rule = base.staffing.gridLeader.ruleID
        let strictShort = strict.shortfalls.filter { $0.ruleID == rule }.reduce(0) { $0 + $1.missing }
        let pairedShort = paired.shortfalls.filter { $0.ruleID == rule }.reduce(0) { $0 + $1.missing }
        try #require(strictShort > 0)
        #expect(pairedShort < strictShort)
        var households: [GridID: Int] = [:]
        for row in plan { households[row.gridID, default: 0] += row.households }
        let byPerson = Dictionary(grouping: paired.leaders.filter { $0.role == .gridLeader }, by: \.personID)
        var doubles = 0
        for (person, rows) in byPerson where rows.count > 1 {
            doubles += 1
            #expect(rows.count == 2)
            #expect(rows.reduce(0) { $0 + (households[$1.gridID] ?? 0) } <= 900)
            #expect(!paired.leaders.contains { $0.role == .gridWorker && $0.personID == person })
        }
        #expect(doubles > 0)
    }
}
