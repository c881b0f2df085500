import GridModel

/// What every volunteer has taken so far: places in time (roster visits, accepted jobs, jobs of earlier parts) and
/// the jobs and minutes counted against the caps. Parts are solved in order, each reading and then extending it,
/// which is how weekly caps and busy time hold across parts.
struct DispatchLedger {
    /// A span of time spent at a place.
    struct Occupation {
        var start: Int
        var end: Int
        var position: PlanarPoint
    }

    /// One volunteer's commitments.
    struct Account {
        /// Sorted by start.
        var occupations: [Occupation] = []
        var jobsByDay: [Int: Int] = [:]
        var minutesByDay: [Int: Int] = [:]
        var jobsInWeek = 0
        var minutesInWeek = 0
    }

    let rules: DispatchRules
    private(set) var accounts: [PersonID: Account]

    init(volunteers: [DispatchVolunteer], rules: DispatchRules) {
        self.rules = rules
        var accounts: [PersonID: Account] = [:]
        for volunteer in volunteers {
            var account = Account()
            account.occupations = volunteer.busy.map {
                Occupation(start: $0.interval.start, end: $0.interval.end, position: $0.position)
            }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            accounts[volunteer.id] = account
        }
        self.accounts = accounts
    }

    /// The day a start falls in (days are counted from the epoch of absolute minutes).
    static func day(of minute: Int) -> Int { minute >= 0 ? minute / 1440 : -((-minute + 1439) / 1440) }

    /// Records a job.
    mutating func take(_ volunteer: PersonID, start: Int, minutes: Int, at position: PlanarPoint) {
        var account = accounts[volunteer] ?? Account()
        let occupation = Occupation(start: start, end: start + minutes, position: position)
        let index = account.occupations.firstIndex { ($0.start, $0.end) > (start, start + minutes) }
        account.occupations.insert(occupation, at: index ?? account.occupations.endIndex)
        let day = Self.day(of: start)
        account.jobsByDay[day, default: 0] += 1
        account.minutesByDay[day, default: 0] += minutes
        account.jobsInWeek += 1
        account.minutesInWeek += minutes
        accounts[volunteer] = account
    }

    /// Whether one more job of `minutes` starting at `start` stays within every cap.
    func fitsCaps(_ volunteer: PersonID, start: Int, minutes: Int) -> Bool {
        let account = accounts[volunteer] ?? Account()
        let day = Self.day(of: start)
        return account.jobsByDay[day, default: 0] + 1 <= rules.jobsPerDay
            && account.minutesByDay[day, default: 0] + minutes <= rules.minutesPerDay
            && account.jobsInWeek + 1 <= rules.jobsPerWeek
            && account.minutesInWeek + minutes <= rules.minutesPerWeek
    }

    /// Whether `[start, start + minutes)` at `position` leaves the walk to and from every occupation.
    /// - Complexity: O(occupations of the volunteer).
    func isFree(_ volunteer: PersonID, start: Int, minutes: Int, at position: PlanarPoint) -> Bool {
        guard let account = accounts[volunteer] else { return true }
        let end = start + minutes
        for occupation in account.occupations {
            let travel = rules.travelMinutes(position, occupation.position)
            if end + travel <= occupation.start || occupation.end + travel <= start { continue }
            return false
        }
        return true
    }
}
