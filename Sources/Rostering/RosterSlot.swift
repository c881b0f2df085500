import GridModel

/// A half-day of the planned week: the day's offset from Monday (0…6) and the period.
struct RosterSlot: Hashable, Comparable, Sendable {
    var day: Int
    var period: WeeklySlot.Period

    /// The date in `week`.
    func date(in week: ISOWeek) -> CalendarDate { week.monday.adding(days: day) }

    /// `Tue-AM`, for reasons.
    var label: String {
        let name = WeeklySlot.Day(rawValue: day + 1)?.abbreviation ?? "D\(day + 1)"
        return "\(name)-\(period.code)"
    }

    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.day, lhs.period) < (rhs.day, rhs.period) }
}
