import GridModel
import GridRules

/// The visits each resident is owed in one week, from the frequency rules and the visit history.
///
/// For a resident whose strictest frequency is "N per K periods", the period block holding the week is found by
/// the week's Thursday (``VisitPeriod``). Visits already made in the block's weeks before the planned week count
/// against the quota: a `done` visit, and a `refused` one too (the visitor went; the refusal is the resident's, and
/// is on record in visits.csv), at most one a day. The N visits are spread evenly over the block's planning weeks
/// with a per-resident phase (a seeded hash of the resident id), so that load spreads over the weeks; the last
/// `visits.catch_up` weeks of a block of 3 weeks or more are kept for catching up (planned visits finish by the
/// week before). A visit whose week has passed and is not made is debt, due now; in a catch-up week every visit
/// still owed is due. A weekly visit missed is owed again later in the same month (``weeklyDebt``).
public struct DueVisitCalculator: Sendable {
    /// The visit rules.
    public let rules: VisitRules
    /// Seeds the per-resident phase.
    public let seed: UInt64

    /// Creates a calculator.
    public init(rules: VisitRules, seed: UInt64 = 1) {
        self.rules = rules
        self.seed = seed
    }

    /// Every visit due in `week`, sorted by resident id, then ordinal.
    /// - Complexity: O(residents × weeks in their period + history).
    public func dueVisits(
        residents: [Resident], week: ISOWeek, history: [Visit], calendar: RosterCalendar
    ) -> [DueVisit] {
        var madeDates: [ResidentID: Set<CalendarDate>] = [:]
        var missedDates: [ResidentID: Set<CalendarDate>] = [:]
        for visit in history {
            if visit.outcome == .missed {
                missedDates[visit.residentID, default: []].insert(visit.date)
            } else {
                madeDates[visit.residentID, default: []].insert(visit.date)
            }
        }
        var result: [DueVisit] = []
        for resident in residents.sorted(by: { $0.id < $1.id }) {
            result += dueVisits(
                of: resident, week: week, made: madeDates[resident.id] ?? [], missed: missedDates[resident.id] ?? [],
                calendar: calendar)
        }
        return result
    }

    /// The visits one resident is owed in `week`, given the dates of visits made.
    func dueVisits(
        of resident: Resident, week: ISOWeek, made: Set<CalendarDate>, missed: Set<CalendarDate> = [],
        calendar: RosterCalendar
    ) -> [DueVisit] {
        let age = resident.birthYear.map { week.thursday.year - $0 }
        guard let requirement = rules.requirement(for: resident.categories, age: age) else { return [] }
        let frequency = requirement.frequency.value
        let period = VisitPeriod(containing: week, frequency: frequency)
        guard let position = period.weeks.firstIndex(of: week) else { return [] }
        let quota = Self.quota(frequency)
        let madeBefore = made.filter { period.firstMonday <= $0 && $0 < week.monday }.count
        guard madeBefore < quota else { return [] }
        let planning = Self.planningWeeks(period.weeks.count, catchUp: rules.catchUpWeeks.value)
        let phase = RosterHash.unit(seed, "phase", resident.id.rawValue)
        let isLast = position == period.weeks.count - 1
        let rank = rules.priorityRank(of: resident.categories)
        var due: [DueVisit] = []
        if frequency.period == .week && period.weeks.count == 1 {
            due += weeklyDebt(of: resident, week: week, made: made, missed: missed, quota: quota, calendar: calendar)
        }
        for ordinal in madeBefore..<quota {
            let slot = min(planning - 1, Int((Double(ordinal) + phase) * Double(planning) / Double(quota)))
            guard slot <= position || position >= planning else { continue }
            let dueWeek = period.weeks[min(slot, position)]
            due.append(
                DueVisit(
                    residentID: resident.id, ordinal: ordinal, dueWeek: dueWeek,
                    due: calendar.lastWorkingDay(of: dueWeek), isDebt: slot < position, isLastChance: isLast,
                    priorityRank: rank, frequency: requirement.frequency, ruleIDs: requirement.ruleIDs,
                    visitors: max(1, requirement.visitors), oneVisitorMust: requirement.oneVisitorMust))
        }
        return due
    }

    /// Weekly visits recorded as missed earlier in the month of `week` (by the Thursday rule) and not made up,
    /// due again now as debt, so that a weekly resident's month still holds its visits. Only weeks with a
    /// `missed` row count: a week with no history at all is not assumed missed.
    func weeklyDebt(
        of resident: Resident, week: ISOWeek, made: Set<CalendarDate>, missed: Set<CalendarDate>, quota: Int,
        calendar: RosterCalendar
    ) -> [DueVisit] {
        let month = VisitPeriod(containing: week, frequency: VisitFrequency(visits: 1, period: .month))
        guard let position = month.weeks.firstIndex(of: week), position > 0, !missed.isEmpty else { return [] }
        let age = resident.birthYear.map { week.thursday.year - $0 }
        guard let requirement = rules.requirement(for: resident.categories, age: age) else { return [] }
        var missedWeeks: [ISOWeek] = []
        var extra = 0
        for earlier in month.weeks[..<position] {
            let days = Set(earlier.days)
            let madeThere = made.filter(days.contains).count
            let missedThere = missed.filter(days.contains).subtracting(made).count
            if madeThere < quota && missedThere > 0 {
                for _ in 0..<min(quota - madeThere, missedThere) { missedWeeks.append(earlier) }
            }
            extra += max(0, madeThere - quota)
        }
        let owed = Array(missedWeeks.dropFirst(min(extra, missedWeeks.count)))
        let rank = rules.priorityRank(of: resident.categories)
        return owed.enumerated().map { index, dueWeek in
            DueVisit(
                residentID: resident.id, ordinal: index - owed.count, dueWeek: dueWeek,
                due: calendar.lastWorkingDay(of: dueWeek), isDebt: true,
                isLastChance: position == month.weeks.count - 1, priorityRank: rank, frequency: requirement.frequency,
                ruleIDs: requirement.ruleIDs, visitors: max(1, requirement.visitors),
                oneVisitorMust: requirement.oneVisitorMust)
        }
    }

    /// Visits per block: N, except a day-based frequency, which owes ⌈N × 7 / K⌉ in its week.
    static func quota(_ frequency: VisitFrequency) -> Int {
        guard frequency.period == .day else { return max(0, frequency.visits) }
        return (max(0, frequency.visits) * 7 + max(1, frequency.every) - 1) / max(1, frequency.every)
    }

    /// Weeks of a block of `count` weeks in which planned visits fall: all but the catch-up weeks when the block
    /// has 3 weeks or more, and at least one.
    static func planningWeeks(_ count: Int, catchUp: Int) -> Int {
        guard count >= 3 else { return max(1, count) }
        return max(1, count - max(0, catchUp))
    }
}
