import Foundation
import GridModel

/// What a roster needs from a plan folder: the grid of every building (grids.csv) and the grids each person serves
/// through a post (leaders.csv, cadres.csv, reporting.csv).
public struct RosterPlanFolder: Sendable {
    /// The plan's grids.csv rows, sorted by building.
    public var grids: [GridAssignment]
    /// The grid of every building in grids.csv (see ``gridOfBuilding(_:)`` for a building split over grids).
    public var gridOfBuilding: [BuildingID: GridID]
    /// The grids each person serves through a post.
    public var postsOfPerson: [PersonID: Set<GridID>]

    /// Every grid id of the plan.
    public var gridIDs: Set<GridID> { Set(grids.map(\.gridID)) }

    /// Reads grids.csv from the layout's grids folder, and leaders.csv, cadres.csv (through ``PlanFolderReader``)
    /// and reporting.csv (`person_id, community_id, grid_id`) from its staffing folder, checked against `street`.
    ///
    /// A roster without its staffing is refused: the plan must hold every file of
    /// ``PlanFolderLayout/staffingFiles``, and the error names the ones missing.
    public static func read(layout: PlanFolderLayout, street: Street) throws(GridDataError) -> RosterPlanFolder {
        let missing = layout.missingStaffingFiles
        guard missing.isEmpty else {
            throw GridDataError(
                DataIssue(
                    file: layout.staff.path,
                    problem: Message.text("data.roster.no_staffing", ["files": Language.current.list(missing)]),
                    expected: Message.text("data.roster.staffing_expected")))
        }
        let reader = PlanFolderReader(street: street)
        let grids = try reader.readGrids(in: layout.grids)
        var posts: [PersonID: Set<GridID>] = [:]
        for row in try reader.readCurrentPosts(in: layout.staff) {
            if let grid = row.gridID { posts[row.personID, default: []].insert(grid) }
        }
        for (person, grid) in try readReporting(directory: layout.staff, street: street, grids: Set(grids.map(\.gridID)))
        {
            posts[person, default: []].insert(grid)
        }
        return RosterPlanFolder(grids: grids, gridOfBuilding: gridOfBuilding(grids), postsOfPerson: posts)
    }

    /// One grid per building: the grid holding most of the building's households; a tie goes to the smaller grid
    /// id, and a building whose rows hold no households (a non-residential one) to its first grid by id.
    ///
    /// The roster input maps whole buildings to grids, so a resident of a building split over grids is rostered
    /// in the building's main grid even when the resident's unit lies in another.
    /// - Complexity: O(n log n) for n rows.
    public static func gridOfBuilding(_ rows: [GridAssignment]) -> [BuildingID: GridID] {
        var households: [BuildingID: [GridID: Int]] = [:]
        for row in rows { households[row.buildingID, default: [:]][row.gridID, default: 0] += row.households }
        var result: [BuildingID: GridID] = [:]
        for (building, byGrid) in households {
            let best = byGrid.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first
            if let best { result[building] = best.key }
        }
        return result
    }

    /// reporting.csv (optional): the grid each reporting party member serves.
    static func readReporting(
        directory: URL, street: Street, grids: Set<GridID>
    ) throws(GridDataError) -> [(PersonID, GridID)] {
        var log = RosterFileReader.newLog()
        var rows: [(PersonID, GridID)] = []
        let people = Set(street.people.map(\.id.rawValue))
        let url = directory.appendingPathComponent("reporting.csv")
        PlanTable.read(url, name: url.path, required: ["person_id", "grid_id"], log: &log, isRequired: false) {
            row, log in
            let person = RosterFileReader.person(row, "person_id", known: people, log: &log)
            guard let gridText = row.text("grid_id") else { return }
            guard grids.contains(GridID(gridText)) else {
                log.add(
                    row.issue(
                        "grid_id", value: gridText, problem: Message.text("data.pin.unknown_grid"),
                        expected: Message.text("data.pin.grid_of_plan")))
                return
            }
            if let person { rows.append((person, GridID(gridText))) }
        }
        guard log.isEmpty else { throw log.error() }
        return rows
    }
}
