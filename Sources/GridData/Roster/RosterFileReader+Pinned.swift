import Foundation
import GridModel

extension RosterFileReader {
    /// A pinned roster at any path: roster.csv rows already published for `week`, which the new roster keeps.
    ///
    /// Columns: `week, date, slot, person_id, resident_id, grid_id, kind[, reason]`. Problems: a week string that
    /// is no ISO week or not the week planned, an invalid date or a date outside the week, a slot other than
    /// AM/PM/EVE (上午/下午/晚上), an unknown person, resident or grid (`grids` are the plan's grid ids), a visit
    /// without a resident, a door-knocking round naming one, an unknown kind, and overlapping pins: one person at
    /// the same date and slot with the same resident twice. Entries are returned in file order.
    public func readPinned(file: URL, week: ISOWeek, grids: Set<GridID>) throws(GridDataError) -> [RosterEntry] {
        var log = Self.newLog()
        var entries: [RosterEntry] = []
        let people = personIDs
        let residents = residentIDs
        var lineOfPin: [PinKey: Int] = [:]
        let columns = ["week", "date", "slot", "person_id", "resident_id", "grid_id", "kind"]
        Self.readTable(file, required: columns, optional: ["reason"], log: &log) { row, log in
            var rowWeek: ISOWeek?
            if let text = row.required("week", what: DataNoun.week, log: &log) {
                if let parsed = ISOWeek(parsing: text) {
                    rowWeek = parsed
                    if parsed != week {
                        log.add(
                            row.issue(
                                "week", value: text, problem: Message.text("data.pin.other_week"),
                                expected: Message.text("data.pin.week_being_planned", ["week": "\(week)"])))
                    }
                } else {
                    log.add(
                        row.issue(
                            "week", value: text, problem: Message.text("data.pin.not_iso_week"),
                            expected: Message.text("data.pin.iso_week_expected", ["week": "\(week)"])))
                }
            }
            let date = Self.date(row, "date", log: &log)
            if let date, rowWeek == week, !week.days.contains(date) {
                log.add(
                    row.issue(
                        "date", value: date.description,
                        problem: Message.text("data.pin.date_outside_week", ["week": "\(week)"]),
                        expected: Message.text(
                            "data.pin.day_in_week",
                            ["monday": "\(week.monday)", "sunday": "\(week.monday.adding(days: 6))"])))
            }
            var period: WeeklySlot.Period?
            if let text = row.required("slot", what: DataNoun.slot, log: &log) {
                period = Self.period(text)
                if period == nil {
                    log.add(row.issue("slot", value: text, problem: Message.text("data.pin.unknown_slot"),
                            expected: Message.text("data.pin.slots")))
                }
            }
            let person = Self.person(row, "person_id", known: people, log: &log)
            var kind: RosterEntry.Kind?
            if let text = row.required("kind", what: DataNoun.entryKind, log: &log) {
                kind = RosterEntry.Kind(rawValue: ColumnAliases.normalise(text))
                if kind == nil {
                    log.add(
                        row.issue(
                            "kind", value: text, problem: Message.text("data.pin.unknown_kind"),
                            expected: Message.text("data.pin.kinds")))
                }
            }
            var resident: ResidentID?
            var residentOK = true
            if let text = row.text("resident_id") {
                if residents.contains(text) {
                    resident = ResidentID(text)
                } else {
                    residentOK = false
                    log.add(
                        row.issue(
                            "resident_id", value: text, problem: Message.text("data.ref.unknown_resident"),
                            expected: Message.text("data.pin.resident_of")))
                }
                if kind == .doorKnocking {
                    residentOK = false
                    log.add(
                        row.issue(
                            "resident_id", value: text, problem: Message.text("data.pin.knocking_names_resident"),
                            expected: Message.text("data.pin.knocking_no_resident")))
                }
            } else if kind == .visit {
                residentOK = false
                log.add(
                    row.issue(
                        "resident_id", value: nil, problem: Message.text("data.pin.visit_without_resident"),
                        expected: Message.text("data.pin.resident_visited")))
            }
            var grid: GridID?
            if let text = row.required("grid_id", what: DataNoun.gridID, log: &log) {
                if grids.contains(GridID(text)) {
                    grid = GridID(text)
                } else {
                    log.add(
                        row.issue(
                            "grid_id", value: text, problem: Message.text("data.pin.unknown_grid"),
                            expected: Message.text("data.pin.grid_of_plan")))
                }
            }
            guard rowWeek == week, let date, week.days.contains(date), let period, let person, let kind, residentOK,
                let grid
            else { return }
            let key = PinKey(person: person, date: date, period: period, resident: resident)
            if let first = lineOfPin[key] {
                let at = [
                    "person": person.rawValue, "date": "\(date)", "slot": period.code, "line": "\(first)",
                ]
                let problem =
                    resident.map {
                        Message.text("data.pin.overlap_resident", at.merging(["resident": $0.rawValue]) { $1 })
                    } ?? Message.text("data.pin.overlap_knocking", at)
                log.add(
                    row.issue(
                        "person_id", value: person.rawValue,
                        problem: problem, expected: Message.text("data.pin.once")))
                return
            }
            lineOfPin[key] = row.line
            entries.append(
                RosterEntry(
                    week: week, date: date, period: period, personID: person, residentID: resident, gridID: grid,
                    kind: kind, reason: row.text("reason") ?? "pinned"))
        }
        guard log.isEmpty else { throw log.error() }
        return entries
    }

    /// `AM`, `PM`, `EVE` (any case) or 上午, 下午, 晚上.
    static func period(_ text: String) -> WeeklySlot.Period? {
        if let period = WeeklySlot.Period.allCases.first(where: { $0.code.lowercased() == text.lowercased() }) {
            return period
        }
        let trimmed = ColumnAliases.trimmed(text)
        return ValueAliases.chinesePeriods.first { $0.alias == trimmed }?.period
    }
}

/// One pin's identity: the same person, date, slot and resident twice is an overlap.
private struct PinKey: Hashable {
    let person: PersonID
    let date: CalendarDate
    let period: WeeklySlot.Period
    let resident: ResidentID?
}
