import GridModel

/// The official calendar as the roster reads it: holidays (nobody serves) and 调休 working weekends.
public struct RosterCalendar: Sendable {
    /// Public holidays.
    public let holidays: Set<CalendarDate>
    /// Weekend days made working days.
    public let workdays: Set<CalendarDate>

    /// The calendar of calendar.csv rows; a date listed both ways counts as a holiday.
    public init(_ days: [CalendarDay]) {
        holidays = Set(days.filter { $0.kind == .holiday }.map(\.date))
        workdays = Set(days.filter { $0.kind == .workday }.map(\.date)).subtracting(holidays)
    }

    /// Whether `date` is a working day: a weekday that is not a holiday, or a 调休 working weekend.
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        if holidays.contains(date) { return false }
        return date.isoWeekday <= 5 || workdays.contains(date)
    }

    /// The last working day of `week`, or its Sunday when it has none (a week of holidays).
    public func lastWorkingDay(of week: ISOWeek) -> CalendarDate {
        week.days.last(where: isWorkingDay) ?? week.monday.adding(days: 6)
    }
}
