import GridModel
import GridRules
import PlanningTestFixtures
import Staffing
import Testing

/// Input the staffing job must flag rather than silently absorb.
@Suite struct StaffingInputTests {
    @Test func cadreWithZeroHoursIsWarnedAndReportedShort() throws {
        var (street, plan) = try StaffingFixtures.generated(seed: 41, households: 4000)
        let index = try #require(street.people.firstIndex { $0.roles.contains(.sunkCadre) })
        street.people[index].hoursPerWeek = 0
        let id = street.people[index].id
        let rules = try StaffingFixtures.rules()
        let staffing = try StaffingPlanner(ruleSet: rules)
            .plan(StaffingInput(street: street, plan: plan, referenceYear: StaffingFixtures.year))
        let warning = Message.text(
            "staffing.warning.cadre_without_hours",
            ["person": id.rawValue, "hours": "0", "rule": rules.staffing.cadreEligible.ruleID.rawValue])
        #expect(staffing.warnings.contains { $0.message == warning }, "\(staffing.warnings.map(\.message))")
        #expect(!staffing.cadrePosts.contains { $0.personID == id })
        let short = staffing.shortfalls.first { $0.location.personID == id }
        #expect(short?.ruleID == rules.staffing.cadreEligible.ruleID)
        #expect(short?.message.contains(Message.text("staffing.shortfall.cadre_has_no_hours")) == true)
        #expect(!staffing.isComplete)
    }

    @Test func departmentWithoutCadresIsWarned() throws {
        var (street, plan) = try StaffingFixtures.generated(seed: 42, households: 4000)
        street.departments.append(Department(id: DepartmentID("D99"), name: "区测试局"))
        let staffing = try StaffingPlanner(ruleSet: try StaffingFixtures.rules())
            .plan(StaffingInput(street: street, plan: plan, referenceYear: StaffingFixtures.year))
        let warning = Message.text("staffing.warning.department_without_cadre", ["department": "D99"])
        #expect(staffing.warnings.contains { $0.message == warning })
    }

    @Test func planNamingAnUnknownBuildingIsRefused() throws {
        let (street, plan) = try StaffingFixtures.generated(seed: 43, households: 3000)
        var broken = plan
        broken[0].buildingID = BuildingID("NO-SUCH-BUILDING")
        #expect {
            _ = try StaffingPlanner(ruleSet: try StaffingFixtures.rules())
                .plan(StaffingInput(street: street, plan: broken, referenceYear: StaffingFixtures.year))
        } throws: { error in
            "\(error)".contains("NO-SUCH-BUILDING")
        }
    }

    @Test func microGridInTwoGridsIsRefused() throws {
        let (street, plan) = try StaffingFixtures.generated(seed: 44, households: 3000)
        var broken = plan
        let other = try #require(broken.firstIndex { $0.gridID != broken[0].gridID })
        broken[other].microGridID = broken[0].microGridID
        #expect {
            _ = try StaffingPlanner(ruleSet: try StaffingFixtures.rules())
                .plan(StaffingInput(street: street, plan: broken, referenceYear: StaffingFixtures.year))
        } throws: { error in
            "\(error)".contains(broken[0].microGridID?.rawValue ?? "?")
        }
    }
}
