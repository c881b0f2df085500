import Foundation
import GridDrawing
import GridModel
import GridRules
import GridSynthesis
import PlanningTestFixtures
import Staffing
import Testing

/// A business district (商圈) of many office towers is one special grid, staffed from the people who work in it
/// (staffing.special_grid), checked by ``StaffingRuleCheck``.
@Suite struct SpecialGridStaffingTests {
    private func district(towers: Int) throws -> (Street, [GridAssignment]) {
        let street = try StreetGenerator(
            configuration: .init(seed: 5, households: 4000, businessDistrictBuildings: towers)
        ).generate()
        let plan = GridJob(ruleSet: try StaffingFixtures.rules(), seed: 1).run(street).assignments
        return (street, plan)
    }

    @Test func aDistrictOfThirtyTowersIsOneSpecialGridStaffedFromItsOwnPeople() throws {
        let (street, plan) = try district(towers: 32)
        let commercial = Set(street.buildings.filter { $0.kind == .commercial }.map(\.id))
        var gridsOf: [CompoundID: Set<GridID>] = [:]
        for row in plan where commercial.contains(row.buildingID) {
            let compound = street.buildings.first { $0.id == row.buildingID }?.compoundID ?? CompoundID("")
            gridsOf[compound, default: []].insert(row.gridID)
        }
        let largest = gridsOf.max {
            $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key > $1.key
        }
        let towers = plan.filter { largest?.value.contains($0.gridID) ?? false }.count
        #expect(towers >= 32, "the district's grid holds \(towers) rows")
        #expect(gridsOf.values.allSatisfy { $0.count == 1 }, "a site split over special grids: \(gridsOf)")

        let staffing = try StaffingPlanner(ruleSet: try StaffingFixtures.rules())
            .plan(StaffingInput(street: street, plan: plan, locks: [], referenceYear: StaffingFixtures.year))
        let problems = StaffingRuleCheck(
            street: street, plan: plan, rules: try StaffingFixtures.rules().staffing, year: StaffingFixtures.year
        ).violations(of: staffing)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let specialGrids = Set(plan.filter { !$0.kind.isResidential }.map(\.gridID))
        let short = staffing.shortfalls.filter { $0.gridID.map(specialGrids.contains) ?? false }
        #expect(short.isEmpty, "\(short.prefix(5).map(\.message))")
        let leaders = staffing.leaders.filter { $0.role == .gridLeader && specialGrids.contains($0.gridID) }
        #expect(leaders.count == specialGrids.count)
        // The figures count grids and special grids apart, as `grids draw` does.
        #expect(staffing.kpis.specialGrids == specialGrids.count)
        #expect(staffing.kpis.grids == Set(plan.map(\.gridID)).count - specialGrids.count)
        let residentialMicroGrids = Set(plan.filter { !specialGrids.contains($0.gridID) }.compactMap(\.microGridID))
        #expect(staffing.kpis.microGrids == residentialMicroGrids.count)
        #expect(staffing.leaders.filter { $0.role == .gridWorker && specialGrids.contains($0.gridID) }.isEmpty)
        #expect(staffing.cadrePosts.filter { specialGrids.contains($0.gridID) }.isEmpty)
        let people = Dictionary(uniqueKeysWithValues: street.people.map { ($0.id, $0) })
        for leader in leaders {
            let works = people[leader.personID]?.workBuildingID
            let site = Set(plan.filter { $0.gridID == leader.gridID }.map(\.buildingID))
            #expect(works.map(site.contains) ?? false, "\(leader.gridID) led by \(leader.personID), not from its site")
        }
    }

    @Test func aTighterCapCutsTheDistrictIntoContiguousParts() throws {
        let street = try StreetGenerator(
            configuration: .init(seed: 5, households: 4000, businessDistrictBuildings: 32)
        ).generate()
        let overlay = """
            overlay: district-cap
            rules:
              - id: grid.special_grid_sites
                source: engine-design
                says: At most 10 buildings per special grid.
                parameters:
                  max_buildings_per_grid: 10
                  standalone_kinds: [school, hospital]
                  join_lone_within_m: 300
                  floors_per_micro_grid: 0
            """
        let rules = try RuleSet.builtIn(overlays: [RuleFile(name: "cap.yaml", text: overlay)])
        let plan = GridJob(ruleSet: rules, seed: 1).run(street).assignments
        var sizes: [GridID: Int] = [:]
        for row in plan where row.kind == .commercial { sizes[row.gridID, default: 0] += 1 }
        #expect(sizes.values.allSatisfy { $0 <= 10 }, "\(sizes)")
        #expect(sizes.values.filter { $0 > 5 }.count >= 4, "\(sizes)")
    }
}
