import GridModel

/// The clock times of the three half-day slots, Asia/Shanghai local time, for calendar files.
///
/// The rules name slots only (`Mon-AM`); the times are a documented constant rather than a rule because the visit
/// rules file (Rules/visits.yaml) belongs to the roster core, and no job but the calendar writer needs them:
/// AM 09:00–11:30, PM 14:00–17:00, EVE 19:00–20:30.
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
