import Foundation
import GridModel
import Rostering
import Testing

/// A small street built in code for the roster tests: one community C01 with grids C01-G01 (building B1) and
/// C01-G02 (building B2), people and residents added by each test.
struct RosterTestStreet {
    var people: [Person] = []
    var residents: [Resident] = []
    var posts: [PersonID: Set<GridID>] = [:]
    var leave: [Leave] = []
    var calendar: [CalendarDay] = []
    var history: [Visit] = []
    var pinned: [RosterEntry] = []

    static let grid1: GridID = "C01-G01"
    static let grid2: GridID = "C01-G02"

    /// Adds a person living in B1 (grid 1) unless told otherwise.
    mutating func person(
        _ id: String, roles: Set<Role>, hours: Double? = 40, slots: [String]? = nil, home: String = "B1",
        skills: [Skill] = [], posts: [GridID] = []
    ) {
        people.append(
            Person(
                id: PersonID(id), name: "Person \(id)", roles: roles, home: .building(BuildingID(home)),
                communityID: "C01", hoursPerWeek: hours, skills: skills,
                availability: slots.map { $0.compactMap { WeeklySlot(parsing: $0) } }))
        if !posts.isEmpty { self.posts[PersonID(id)] = Set(posts) }
    }

    /// Adds a resident of B1 (grid 1) unless told otherwise.
    mutating func resident(
        _ id: String, _ categories: [ResidentCategory], building: String = "B1", birthYear: Int? = 1960,
        paired: String? = nil, needs: [String] = []
    ) {
        residents.append(
            Resident(
                id: ResidentID(id), buildingID: BuildingID(building), categories: categories, name: "王小\(id)",
                birthYear: birthYear, pairedPersonID: paired.map { PersonID($0) }, needs: needs))
    }

    func street() -> Street {
        Street(
            communities: [Community(id: "C01")],
            buildings: [
                Building(id: "B1", communityID: "C01", households: 300, position: PlanarPoint(x: 0, y: 0)),
                Building(id: "B2", communityID: "C01", households: 300, position: PlanarPoint(x: 200, y: 0)),
            ],
            people: people, residents: residents)
    }

    func input(week: ISOWeek, seed: UInt64 = 1) -> RosterInput {
        RosterInput(
            street: street(), week: week, gridOfBuilding: ["B1": Self.grid1, "B2": Self.grid2], postsOfPerson: posts,
            history: history, pinned: pinned, leave: leave, calendar: calendar, seed: seed)
    }

    static func week(_ text: String) throws -> ISOWeek { try #require(ISOWeek(parsing: text)) }
    static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(parsing: text)) }
}
