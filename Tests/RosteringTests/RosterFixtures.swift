import Foundation
import GridData
import GridModel
import GridRules
import GridSynthesis
import PlanningTestFixtures
import Staffing
import Rostering
import Testing

/// Streets, plans and inputs for the roster tests.
enum RosterFixtures {
    static func rules() throws -> RuleSet { try RuleSet.builtIn() }

    /// A roster input for a street and grid plan: posts from a staffing run of the plan.
    static func input(street: Street, plan: [GridAssignment], week: ISOWeek) throws -> RosterInput {
        var gridOfBuilding: [BuildingID: GridID] = [:]
        for row in plan where gridOfBuilding[row.buildingID] == nil { gridOfBuilding[row.buildingID] = row.gridID }
        let staffing = try StaffingPlanner(ruleSet: try rules())
            .plan(StaffingInput(street: street, plan: plan, referenceYear: 2026))
        var posts: [PersonID: Set<GridID>] = [:]
        for leader in staffing.leaders { posts[leader.personID, default: []].insert(leader.gridID) }
        for post in staffing.cadrePosts { posts[post.personID, default: []].insert(post.gridID) }
        for placement in staffing.reporting { posts[placement.personID, default: []].insert(placement.gridID) }
        return RosterInput(street: street, week: week, gridOfBuilding: gridOfBuilding, postsOfPerson: posts)
    }

    /// The sample street with its committed test plan.
    static func sample(week: ISOWeek) throws -> RosterInput {
        let (street, plan) = try StaffingFixtures.sample()
        return try input(street: street, plan: plan, week: week)
    }

    /// A generated street with a plan cut from it.
    static func generated(seed: UInt64, households: Int, week: ISOWeek) throws -> RosterInput {
        let (street, plan) = try StaffingFixtures.generated(seed: seed, households: households)
        return try input(street: street, plan: plan, week: week)
    }

    static func week(_ text: String) throws -> ISOWeek { try #require(ISOWeek(parsing: text)) }
}
