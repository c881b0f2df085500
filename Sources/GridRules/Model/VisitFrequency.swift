/// How often a resident must be visited: `visits` per `every` × `period` ("2 per month", "1 per 2 months").
///
/// Frequencies of different periods are compared by visits per day, computed exactly: a month is 365.25 / 12
/// days, a quarter three months, a year 365.25 days, so "3 per quarter" equals "1 per month" and "1 per week"
/// is stricter than "4 per month".
public struct VisitFrequency: Hashable, Sendable, CustomStringConvertible {
    /// The period a frequency counts over.
    public enum Period: String, CaseIterable, Hashable, Sendable {
        /// A day.
        case day
        /// Seven days.
        case week
        /// 365.25 / 12 days.
        case month
        /// Three months.
        case quarter
        /// 365.25 days.
        case year

        /// The period's length in 1/48 days, so that months (30.4375 days) are whole numbers.
        var lengthIn48thsOfADay: Int {
            switch self {
            case .day: return 48
            case .week: return 336
            case .month: return 1461
            case .quarter: return 4383
            case .year: return 17532
            }
        }

        /// The period's length in days (a month is 30.4375).
        public var days: Double { Double(lengthIn48thsOfADay) / 48 }
    }

    /// Visits per window; at least 1.
    public var visits: Int
    /// How many periods make one window; at least 1.
    public var every: Int
    /// The period.
    public var period: Period

    /// Creates a frequency of `visits` per `every` periods.
    public init(visits: Int, every: Int = 1, period: Period) {
        self.visits = visits
        self.every = every
        self.period = period
    }

    /// Parses "2 per month", "1 per 2 months", "1 per quarter"; nil when the text is not a frequency.
    public init?(parsing text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count == 3 || words.count == 4, words[1] == "per", let visits = Int(words[0]) else { return nil }
        var every = 1
        var periodWord = words[2]
        if words.count == 4 {
            guard let count = Int(words[2]) else { return nil }
            every = count
            periodWord = words[3]
        }
        if periodWord.hasSuffix("s") && (every != 1 || words.count == 4) { periodWord.removeLast() }
        guard let period = Period(rawValue: periodWord) else { return nil }
        self.init(visits: visits, every: every, period: period)
    }

    /// The window's length in days.
    public var windowDays: Double { Double(every) * period.days }

    /// Visits per day (for display; comparisons use exact integers).
    public var visitsPerDay: Double { Double(visits) / windowDays }

    /// Whether `self` asks for more visits per day than `other`; at an equal rate, the shorter window is stricter
    /// because it leaves less freedom to bunch visits.
    public func isStricter(than other: VisitFrequency) -> Bool {
        let mine = visits * other.every * other.period.lengthIn48thsOfADay
        let theirs = other.visits * every * period.lengthIn48thsOfADay
        if mine != theirs { return mine > theirs }
        return every * period.lengthIn48thsOfADay < other.every * other.period.lengthIn48thsOfADay
    }

    /// "2 per month", "1 per 2 months".
    public var description: String {
        every == 1 ? "\(visits) per \(period.rawValue)" : "\(visits) per \(every) \(period.rawValue)s"
    }
}
