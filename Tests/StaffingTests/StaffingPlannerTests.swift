import Foundation
import GridModel
import GridRules
import PlanningTestFixtures
import Staffing
import Testing

/// Staffing on the sample street and generated streets, checked by ``StaffingRuleCheck`` (independent of the
/// assignment code).
@Suite struct StaffingPlannerTests {
    private func staff(_ street: Street, _ plan: [GridAssignment], locks: [PlanLock] = []) throws -> StaffingPlan {
        try StaffingPlanner(ruleSet: try StaffingFixtures.rules())
            .plan(StaffingInput(street: street, plan: plan, locks: locks, referenceYear: StaffingFixtures.year))
    }

    private func check(_ street: Street, _ plan: [GridAssignment], _ staffing: StaffingPlan) throws -> [String] {
        StaffingRuleCheck(
            street: street, plan: plan, rules: try StaffingFixtures.rules().staffing, year: StaffingFixtures.year
        ).violations(of: staffing)
    }

    @Test func sampleStreetHoldsEveryHardRule() throws {
        let (street, plan) = try StaffingFixtures.sample()
        let staffing = try staff(street, plan)
        let problems = try check(street, plan, staffing)
        #expect(problems.count == 0, "\(problems.prefix(10))")
        let grids = Set(plan.map(\.gridID)).count
        let special = Set(plan.filter { !$0.kind.isResidential }.map(\.gridID)).count
        #expect(staffing.leaders.filter { $0.role == .gridLeader }.count == grids)
        // staffing.special_grid gives special grids no grid worker by default.
        #expect(staffing.leaders.filter { $0.role == .gridWorker }.count == grids - special)
        #expect(!staffing.cadrePosts.isEmpty)
        #expect(staffing.mentoring.count == 23)
        #expect(staffing.kpis.shortfallTotal == staffing.shortfalls.reduce(0) { $0 + $1.missing })
        let rules = try StaffingFixtures.rules()
        #expect(staffing.report(seed: 1, ruleSet: rules.identity).ruleSet == rules.identity)
    }

    @Test(arguments: [UInt64(11), 12, 13, 14, 15])
    func generatedStreetHoldsEveryHardRule(seed: UInt64) throws {
        let (street, plan) = try StaffingFixtures.generated(seed: seed, households: 6000)
        let staffing = try staff(street, plan)
        let problems = try check(street, plan, staffing)
        #expect(problems.count == 0, "seed \(seed): \(problems.prefix(10))")
        #expect(!staffing.leaders.isEmpty)
    }

    @Test func sameInputGivesTheSamePlan() throws {
        let (street, plan) = try StaffingFixtures.generated(seed: 21, households: 4000)
        let first = try staff(street, plan)
        let second = try staff(street, plan)
        #expect(first.leaders == second.leaders)
        #expect(first.cadrePosts == second.cadrePosts)
        #expect(first.mentoring == second.mentoring)
        #expect(first.reporting == second.reporting)
        #expect(first.kpis == second.kpis)
    }

    @Test func lockedPeopleKeepTheirPosts() throws {
        let (street, plan) = try StaffingFixtures.generated(seed: 31, households: 4000)
        let free = try staff(street, plan)
        // Pin the leader of the first grid to the last grid of the same community, and a micro-grid leader elsewhere.
        let leader = try #require(free.leaders.first { $0.role == .gridLeader })
        let community = try #require(plan.first { $0.gridID == leader.gridID }?.communityID)
        let otherGrid = try #require(
            Set(plan.filter { $0.communityID == community && $0.kind.isResidential }.map(\.gridID)).sorted().last)
        try #require(otherGrid != leader.gridID)
        let micro = try #require(free.leaders.first { $0.role == .microGridLeader })
        let otherMicro = try #require(
            Set(plan.filter { $0.gridID == micro.gridID }.compactMap(\.microGridID)).sorted().last {
                $0 != micro.microGridID
            })
        let locks = [
            PlanLock(subject: .person(leader.personID), gridID: otherGrid, post: "grid_leader"),
            PlanLock(subject: .person(micro.personID), microGridID: otherMicro, post: "micro_grid_leader"),
        ]
        let pinned = try staff(street, plan, locks: locks)
        #expect(
            pinned.leaders.contains {
                $0.role == .gridLeader && $0.gridID == otherGrid && $0.personID == leader.personID
            })
        #expect(
            pinned.leaders.contains {
                $0.role == .microGridLeader && $0.microGridID == otherMicro && $0.personID == micro.personID
            })
        #expect(
            !pinned.leaders.contains {
                $0.role == .gridLeader && $0.gridID == leader.gridID && $0.personID == leader.personID
            })
        let problems = try check(street, plan, pinned)
        #expect(problems.count == 0, "\(problems.prefix(10))")
    }
}
