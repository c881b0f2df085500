import GridModel

/// The clock times of the three half-day slots, for calendars and printouts.
///
/// The jobs read them from the rules (`visits.slot_times`); ``standard`` holds the shipped rule's values for
/// writers used without a rule set (tests, tools): AM 09:00–11:30, PM 14:00–17:00, EVE 19:00–20:30, Asia/Shanghai.
public struct RosterSlotTimes: Hashable, Sendable {
    /// Start and end of the morning slot, in minutes after midnight.
    public var morning: (start: Int, end: Int)
    /// Start and end of the afternoon slot, in minutes after midnight.
    public var afternoon: (start: Int, end: Int)
    /// Start and end of the evening slot, in minutes after midnight.
    public var evening: (start: Int, end: Int)
    /// The IANA time zone the times are in.
    public var timeZone: String
    /// The zone's fixed offset from UTC in minutes (China keeps no daylight saving time).
    public var utcOffsetMinutes: Int

    /// Times of the three slots, in minutes after midnight, in `timeZone` at `utcOffsetMinutes` east of UTC.
    public init(
        morning: (start: Int, end: Int), afternoon: (start: Int, end: Int), evening: (start: Int, end: Int),
        timeZone: String, utcOffsetMinutes: Int
    ) {
        self.morning = morning
        self.afternoon = afternoon
        self.evening = evening
        self.timeZone = timeZone
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// AM 09:00–11:30, PM 14:00–17:00, EVE 19:00–20:30 in Asia/Shanghai (UTC+8).
    public static let standard = RosterSlotTimes(
        morning: (9 * 60, 11 * 60 + 30), afternoon: (14 * 60, 17 * 60), evening: (19 * 60, 20 * 60 + 30),
        timeZone: "Asia/Shanghai", utcOffsetMinutes: 8 * 60)

    /// Start and end minutes of a period.
    public func times(of period: WeeklySlot.Period) -> (start: Int, end: Int) {
        switch period {
        case .morning: return morning
        case .afternoon: return afternoon
        case .evening: return evening
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.morning == rhs.morning && lhs.afternoon == rhs.afternoon && lhs.evening == rhs.evening
            && lhs.timeZone == rhs.timeZone && lhs.utcOffsetMinutes == rhs.utcOffsetMinutes
    }

    public func hash(into hasher: inout Hasher) {
        for pair in [morning, afternoon, evening] {
            hasher.combine(pair.start)
            hasher.combine(pair.end)
        }
        hasher.combine(timeZone)
        hasher.combine(utcOffsetMinutes)
    }
}
