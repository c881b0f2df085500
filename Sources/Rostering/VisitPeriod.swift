import GridModel
import GridRules

/// The block of a frequency's period that holds a week: its first and last day and the ISO weeks whose Thursday
/// falls inside it (a week belongs to the month, quarter and year of its Thursday).
///
/// Blocks of K periods are aligned to the calendar year: "1 per 2 months" counts over January–February,
/// March–April, …; "N per K weeks" over ISO weeks 1…K, K+1…2K of the ISO year; "N per K years" over years
/// whose number is a multiple of K onwards. A day-based frequency counts over the week.
public struct VisitPeriod: Hashable, Sendable {
    /// The first day of the block.
    public var first: CalendarDate
    /// The last day of the block.
    public var last: CalendarDate
    /// The ISO weeks whose Thursday lies in the block, in order.
    public var weeks: [ISOWeek]

    /// The block of `frequency`'s period that contains `week`.
    /// - Complexity: O(weeks in the block).
    public init(containing week: ISOWeek, frequency: VisitFrequency) {
        let thursday = week.thursday
        let every = max(1, frequency.every)
        switch frequency.period {
        case .day, .week:
            let span = frequency.period == .week ? every : 1
            let start = ((week.week - 1) / span) * span + 1
            let end = min(start + span - 1, ISOWeek.weeksIn(year: week.year))
            let weeks = (start...end).compactMap { ISOWeek(year: week.year, week: $0) }
            self.weeks = weeks
            first = weeks.first?.monday ?? week.monday
            last = (weeks.last ?? week).monday.adding(days: 6)
            return
        case .year:
            let startYear = thursday.year - ((thursday.year % every) + every) % every
            first = CalendarDate(year: startYear, month: 1, day: 1) ?? thursday
            last = CalendarDate(year: startYear + every - 1, month: 12, day: 31) ?? thursday
        case .month, .quarter:
            let months = every * (frequency.period == .month ? 1 : 3)
            let startMonth = ((thursday.month - 1) / months) * months + 1
            let endMonth = min(startMonth + months - 1, 12)
            first = CalendarDate(year: thursday.year, month: startMonth, day: 1) ?? thursday
            last =
                CalendarDate(
                    year: thursday.year, month: endMonth,
                    day: CalendarDate.daysIn(month: endMonth, year: thursday.year)) ?? thursday
        }
        var weeks: [ISOWeek] = []
        var monday = ISOWeek(containing: first).monday
        while monday <= last {
            let candidate = ISOWeek(containing: monday)
            if first <= candidate.thursday && candidate.thursday <= last { weeks.append(candidate) }
            monday = monday.adding(days: 7)
        }
        self.weeks = weeks
    }

    /// The Monday of the block's first week (history is counted from here).
    public var firstMonday: CalendarDate { weeks.first?.monday ?? first }
}
