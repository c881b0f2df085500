/// An ISO 8601 week (`2026-W48`). A week belongs to the month and quarter that contain its Thursday.
public struct ISOWeek: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    /// Nil when the year has no such week (2026-W54; W53 exists only in long years).
    public init?(year: Int, week: Int) {
        guard week >= 1, week <= Self.weeksIn(year: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// Parses `YYYY-Www`; nil for anything else.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 3, parts[1].first == "W",
            let y = Int(parts[0]), let w = Int(parts[1].dropFirst())
        else { return nil }
        self.init(year: y, week: w)
    }

    /// The ISO week that contains `date`.
    public init(containing date: CalendarDate) {
        let thursday = date.adding(days: 4 - date.isoWeekday)
        let januaryFirst = CalendarDate(year: thursday.year, month: 1, day: 1)!
        year = thursday.year
        week = (thursday.daysSinceEpoch - januaryFirst.daysSinceEpoch) / 7 + 1
    }

    /// The Monday that starts the week.
    public var monday: CalendarDate {
        let january4 = CalendarDate(year: year, month: 1, day: 4)!
        let firstMonday = january4.adding(days: 1 - january4.isoWeekday)
        return firstMonday.adding(days: (week - 1) * 7)
    }

    /// The Thursday that decides the week's month and quarter.
    public var thursday: CalendarDate { monday.adding(days: 3) }

    /// The seven days, Monday first.
    public var days: [CalendarDate] { (0..<7).map { monday.adding(days: $0) } }

    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }

    /// 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year.
    public static func weeksIn(year: Int) -> Int {
        let december28 = CalendarDate(year: year, month: 12, day: 28)!
        return ISOWeek(containing: december28).week
    }
}
