import Foundation
import GridModel
import GridRules
import PlanningTestFixtures
import Staffing
import Testing

/// The staffing objective's coefficients come from the rules: an overlay changing one changes the plan.
@Suite struct StaffingObjectiveRuleTests {
    /// Two grids 2 km apart: G01 around B1 at (0, 0), G02 around B2 at (2000, 0). Four cadres of two departments
    /// live in them (two each), so both grids meet `staffing.cadres_per_grid` on their own; K5 lives 1 km from B1
    /// and 3 km from B2 and holds a post in G02 today. One post of 1 hour, and cadres of 1 hour, so each cadre holds
    /// exactly one post, no post is left for the fill pass, and the model alone decides where K5 goes.
    static func instance() -> (StaffingInput, [RuleFile]) {
        let buildings = [
            Building(id: "B1", communityID: "C01", households: 400, position: PlanarPoint(x: 0, y: 0)),
            Building(id: "B2", communityID: "C01", households: 400, position: PlanarPoint(x: 2000, y: 0)),
        ]
        func cadre(_ id: String, _ department: String, _ home: HomeLocation) -> Person {
            Person(
                id: PersonID(id), name: "Cadre \(id)", roles: [.sunkCadre], departmentID: DepartmentID(department),
                home: home, communityID: "C01", hoursPerWeek: 1)
        }
        let people = [
            cadre("K1", "D1", .building("B1")), cadre("K2", "D2", .building("B1")),
            cadre("K3", "D1", .building("B2")), cadre("K4", "D2", .building("B2")),
            cadre("K5", "D1", .point(PlanarPoint(x: -1000, y: 0))),
        ]
        let street = Street(
            communities: [Community(id: "C01")], buildings: buildings,
            departments: [Department(id: "D1", name: "D1"), Department(id: "D2", name: "D2")], people: people)
        let plan = [
            GridAssignment(
                buildingID: "B1", households: 400, communityID: "C01", gridID: "C01-G01", microGridID: "C01-G01-M01"),
            GridAssignment(
                buildingID: "B2", households: 400, communityID: "C01", gridID: "C01-G02", microGridID: "C01-G02-M01"),
        ]
        let input = StaffingInput(
            street: street, plan: plan,
            currentPosts: [CurrentPost(role: "take_post", personID: "K5", gridID: "C01-G02")],
            referenceYear: StaffingFixtures.year)
        let onePost = RuleFile(
            name: "one-post.yaml",
            text: """
                rules:
                  - id: staffing.post_workload
                    parameters:
                      posts:
                        - { id: take_post, base_hours_per_week: 1.0, hours_per_cared_resident: 0.0 }
                """)
        return (input, [onePost])
    }

    static func gridOfK5(_ overlays: [RuleFile]) throws -> (GridID?, String?) {
        let (input, base) = instance()
        let rules = try RuleSet.builtIn(overlays: base + overlays)
        let plan = try StaffingPlanner(ruleSet: rules).plan(input)
        // The street has no leaders (those posts are short); the cadre rules are met.
        let cadreRules = [rules.staffing.cadreEligible.ruleID, rules.staffing.minCadresPerGrid.ruleID]
        #expect(!plan.shortfalls.contains { cadreRules.contains($0.ruleID) }, "\(plan.shortfalls.map(\.message))")
        let posts = plan.cadrePosts.filter { $0.personID == "K5" }
        #expect(posts.count == 1)
        return (posts.first?.gridID, posts.first?.reason)
    }

    @Test func familiarityBonusKeepsACadreWhereTheyServe() throws {
        // Default: serving G02 before saves 2 × weight 3 = 6, more than its extra 2 km cost (1 unit × 3 = 3).
        let (grid, reason) = try Self.gridOfK5([])
        #expect(grid == "C01-G02")
        #expect(reason?.contains(Message.text("staffing.reason.served_grid_before")) == true)
        #expect(reason?.contains("staffing.cadre_nearby") == true)
    }

    /// An overlay setting one parameter of `staffing.cadre_nearby`.
    static func cadreNearby(_ parameter: String) -> RuleFile {
        RuleFile(
            name: "cadre-nearby.yaml",
            text: """
                rules:
                  - id: staffing.cadre_nearby
                    parameters:
                      \(parameter)
                """)
    }

    @Test func overlayWithoutFamiliarityBonusMovesTheCadreNearer() throws {
        let (grid, _) = try Self.gridOfK5([Self.cadreNearby("familiar_bonus: 0")])
        #expect(grid == "C01-G01", "without the bonus the nearer grid wins")
    }

    @Test func overlayOnTheDistanceScaleOutweighsFamiliarity() throws {
        // 250 m per unit: G02's extra 2 km cost 8 × 3 = 24, more than the familiarity bonus of 6.
        let (grid, _) = try Self.gridOfK5([Self.cadreNearby("metres_per_cost_unit: 250")])
        #expect(grid == "C01-G01")
    }
}
