import Foundation
import GridData
import GridModel
import Rostering

/// Gathers a roster's input from the street, the plan folder and the optional files, defaulting to the street
/// folder's visits.csv (already loaded with the street), leave.csv and calendar.csv.
struct RosterInputAssembly {
    let street: Street
    let streetURL: URL
    let week: ISOWeek
    let seed: UInt64

    func input(plan: PlanFolderLayout, history: URL?, pinned: URL?, leave: URL?, calendar: URL?) throws(GridDataError)
        -> RosterInput
    {
        let reader = RosterFileReader(street: street)
        let folder = try RosterPlanFolder.read(layout: plan, street: street)
        let visits = try history.map { url throws(GridDataError) in try reader.readHistory(file: url) } ?? street.visits
        let leaveFile = leave ?? existing("leave.csv")
        let calendarFile = calendar ?? existing("calendar.csv")
        let absences = try leaveFile.map { url throws(GridDataError) in try reader.readLeave(file: url) } ?? []
        let days = try calendarFile.map { url throws(GridDataError) in try reader.readCalendar(file: url) } ?? []
        let pins =
            try pinned.map { url throws(GridDataError) in
                try reader.readPinned(file: url, week: week, grids: folder.gridIDs)
            } ?? []
        return RosterInput(
            street: street, week: week, gridOfBuilding: folder.gridOfBuilding, postsOfPerson: folder.postsOfPerson,
            history: visits, pinned: pins, leave: absences, calendar: days, seed: seed)
    }

    /// A file of the street folder (or the .xlsx saved in its place), when it exists.
    private func existing(_ name: String) -> URL? {
        SpreadsheetTwin.readable(for: streetURL.appendingPathComponent(name))
    }
}
