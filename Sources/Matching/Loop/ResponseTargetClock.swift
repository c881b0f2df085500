import GridModel
import GridRules

/// The "2341" targets of one request against its times: respond (dispatched), reply (an answer), coordinate (the
/// service started), solve (confirmed done).
///
/// Respond and reply are timed from the order (`created_at`); coordinate and solve from when the resident wanted
/// the service to begin (the later of `created_at` and `earliest`), since an order for tomorrow cannot start today.
/// Solve falls due at the same clock time on the n-th working day after (weekends, holidays and 调休 working days
/// from calendar.csv).
public struct ResponseTargetClock: Sendable {
    /// One target's outcome.
    public enum Outcome: String, Hashable, Sendable, CaseIterable {
        /// Done by the deadline.
        case met
        /// Done late, or not done and the deadline passed by `asOf`.
        case missed
        /// Not done and not yet due.
        case pending
        /// The request was called off before it was done.
        case cancelled
    }

    /// The four targets.
    public enum Target: String, Hashable, Sendable, CaseIterable {
        case respond, reply, coordinate, solve
    }

    /// One target of one request.
    public struct Reading: Hashable, Sendable {
        public var target: Target
        public var due: LocalDateTime
        /// When it happened, if it did by `asOf`.
        public var at: LocalDateTime?
        public var outcome: Outcome
        /// Minutes past due (0 when met or pending).
        public var lateMinutes: Int
    }

    let targets: MatchingRules.ResponseTargets
    let holidays: Set<CalendarDate>
    let workdays: Set<CalendarDate>

    /// A clock for `targets` with calendar.csv's days.
    public init(targets: MatchingRules.ResponseTargets, calendar: [CalendarDay]) {
        self.targets = targets
        holidays = Set(calendar.filter { $0.kind == .holiday }.map(\.date))
        workdays = Set(calendar.filter { $0.kind == .workday }.map(\.date)).subtracting(holidays)
    }

    /// Whether `date` is a working day: a weekday that is not a holiday, or a 调休 working weekend.
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        !holidays.contains(date) && (date.isoWeekday <= 5 || workdays.contains(date))
    }

    /// The same clock time on the `days`-th working day after `moment`'s date.
    public func workingDays(_ days: Int, after moment: LocalDateTime) -> LocalDateTime {
        var date = moment.date
        var counted = 0
        // A year of holidays in a row is not a calendar; the bound keeps a broken calendar.csv from looping.
        var steps = 0
        while counted < days && steps < 366 * max(1, days) {
            date = date.adding(days: 1)
            steps += 1
            if isWorkingDay(date) { counted += 1 }
        }
        return LocalDateTime(date: date, minuteOfDay: moment.minuteOfDay)
    }

    /// The four readings of a request standing at `asOf`.
    public func readings(_ standing: RequestLoop.Standing, asOf: LocalDateTime) -> [Reading] {
        let request = standing.request
        let ordered = request.createdAt
        let wanted = max(request.createdAt, request.earliest)
        let plan: [(Target, LocalDateTime, LocalDateTime?)] = [
            (.respond, Self.adding(targets.respondMinutes, to: ordered), standing.dispatchedAt),
            (.reply, Self.adding(targets.replyMinutes, to: ordered), standing.repliedAt),
            (.coordinate, Self.adding(targets.coordinateHours * 60, to: wanted), standing.startedAt),
            (.solve, workingDays(targets.solveWorkingDays, after: wanted), standing.confirmedAt),
        ]
        return plan.map { target, due, at in
            let happened = at.flatMap { $0 <= asOf ? $0 : nil }
            if let happened {
                let late = happened.minutesSinceEpoch - due.minutesSinceEpoch
                return Reading(
                    target: target, due: due, at: happened, outcome: late > 0 ? .missed : .met,
                    lateMinutes: max(0, late))
            }
            if let cancelled = standing.cancelledAt, cancelled <= due {
                return Reading(target: target, due: due, at: nil, outcome: .cancelled, lateMinutes: 0)
            }
            let end = standing.cancelledAt.map { min($0, asOf) } ?? asOf
            let late = end.minutesSinceEpoch - due.minutesSinceEpoch
            return Reading(
                target: target, due: due, at: nil, outcome: late > 0 ? .missed : .pending, lateMinutes: max(0, late))
        }
    }

    static func adding(_ minutes: Int, to moment: LocalDateTime) -> LocalDateTime {
        LocalDateTime(minutesSinceEpoch: moment.minutesSinceEpoch + minutes)
    }
}
