import GridModel

/// A half-day of the planned week: the day's offset from Monday (0…6) and the period.
struct RosterSlot: Hashable, Comparable, Sendable {
    var day: Int
    var period: WeeklySlot.Period

    /// The date in `week`.
    func date(in week: ISOWeek) -> CalendarDate { week.monday.adding(days: day) }

    /// The day as a person reads it (`周二`, `Tue`), for reasons.
    var dayName: String { WeeklySlot.Day(rawValue: day + 1)?.spokenName ?? "D\(day + 1)" }

    /// `Tue-AM`, whatever the language: a key of the seeded tie-breaks, so that the roster is the same in every
    /// language.
    var label: String {
        let name = WeeklySlot.Day(rawValue: day + 1)?.abbreviation ?? "D\(day + 1)"
        return "\(name)-\(period.code)"
    }

    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.day, lhs.period) < (rhs.day, rhs.period) }
}
