import GridModel

/// One visit: a resident at a date and slot (a two-visitor visit is several roster entries with one key).
struct RosterVisitKey: Hashable {
    let resident: ResidentID
    let date: CalendarDate
    let period: WeeklySlot.Period
}
