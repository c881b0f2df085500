import Foundation
import GridData
import GridModel
import GridRules
import Rostering

/// Writes a roster's files into its part of the output folder, with the folder's privacy (owner-only for a roster):
/// roster.csv, unmet.csv, roster.html (grid rosters for the notice board), sheets.html (a visit sheet per visitor),
/// calendars/PERSON_ID.ics (a calendar per visitor) and, when asked, the street-wide roster.ics (kpis.json and
/// run.json go through the one JSON writer).
struct RosterOutputWriter {
    let street: Street
    let ruleSet: RuleSet
    /// The names roster.csv and unmet.csv carry after their ids.
    let names: PlanNames
    /// The plan's grid of each building, for grid names.
    let gridOfBuilding: [BuildingID: GridID]
    /// Whether to write roster.ics, every visitor's events in one file.
    var streetCalendar = false

    func write(_ result: RosterResult, week: ISOWeek, into folder: JobFolder) throws {
        try folder.write("roster.csv", text: RosterTableWriter.rosterText(result.entries, names: names))
        try folder.write("unmet.csv", text: RosterTableWriter.unmetText(result.unmet, names: names))
        let times = Self.slotTimes(ruleSet.visits.slotTimes)
        let calendar = RosterICSWriter(street: street, gridOfBuilding: gridOfBuilding, slotTimes: times)
        for (person, text) in calendar.calendars(result.entries, week: week) {
            try folder.write("calendars/\(Self.fileName(person)).ics", text: text)
        }
        if streetCalendar {
            let office = RosterICSWriter(
                street: street, gridOfBuilding: gridOfBuilding, slotTimes: times, showsFloors: true)
            try folder.write("roster.ics", text: office.text(result.entries, week: week))
        }
        let roster = RosterHTMLWriter(street: street, gridOfBuilding: gridOfBuilding, slotTimes: times)
        try folder.write("roster.html", text: roster.text(result.entries, week: week))
        let sheets = VisitSheetWriter(street: street, gridOfBuilding: gridOfBuilding, slotTimes: times)
        try folder.write("sheets.html", text: sheets.text(result.entries, week: week))
    }

    /// The rules' slot times in the writers' form.
    static func slotTimes(_ rule: SlotTimes) -> RosterSlotTimes {
        func pair(_ period: WeeklySlot.Period) -> (start: Int, end: Int) {
            let span = rule.span(of: period)
            return (span.start, span.end)
        }
        return RosterSlotTimes(
            morning: pair(.morning), afternoon: pair(.afternoon), evening: pair(.evening), timeZone: rule.timeZone,
            utcOffsetMinutes: rule.utcOffsetMinutes)
    }

    /// A person id as a file name: characters other than letters, digits, `-` and `_` become `_`, so that an id can
    /// never leave the calendars folder (ids are screened on reading; this holds whatever the input).
    static func fileName(_ person: PersonID) -> String {
        let safe = String(
            person.rawValue.unicodeScalars.map { scalar -> Character in
                let isPlain = (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))) || scalar == "-"
                    || scalar == "_"
                return isPlain ? Character(scalar) : "_"
            })
        return safe.isEmpty ? "_" : safe
    }
}
