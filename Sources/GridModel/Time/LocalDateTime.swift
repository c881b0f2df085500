/// A date and a minute of the day with no time zone (`2026-11-23T09:00`).
public struct LocalDateTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let date: CalendarDate
    /// Minutes since midnight, 0..<1440.
    public let minuteOfDay: Int

    public init(date: CalendarDate, minuteOfDay: Int) {
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    /// Parses `YYYY-MM-DDTHH:MM` (optionally `:SS`, ignored) or a bare date (midnight).
    public init?(parsing text: some StringProtocol) {
        let halves = text.split(separator: "T", omittingEmptySubsequences: false)
        guard halves.count <= 2, let date = CalendarDate(parsing: halves[0]) else { return nil }
        guard halves.count == 2 else {
            self.init(date: date, minuteOfDay: 0)
            return
        }
        let clock = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        if clock.count == 3 {
            guard let second = Int(clock[2]), (0..<60).contains(second) else { return nil }
        }
        self.init(date: date, minuteOfDay: hour * 60 + minute)
    }

    /// The moment `minutes` after 1970-01-01T00:00.
    public init(minutesSinceEpoch minutes: Int) {
        let days = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440)
        self.init(date: CalendarDate(daysSinceEpoch: days), minuteOfDay: minutes - days * 1440)
    }

    /// Minutes since 1970-01-01T00:00.
    public var minutesSinceEpoch: Int { date.daysSinceEpoch * 1440 + minuteOfDay }

    public var description: String {
        let h = minuteOfDay / 60
        let m = minuteOfDay % 60
        return "\(date)T\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.minutesSinceEpoch < rhs.minutesSinceEpoch }
}
