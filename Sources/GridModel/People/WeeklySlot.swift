/// A half-day of the week in which a person can serve (`Mon-AM`, `Wed-PM`, `Sat-EVE`).
public struct WeeklySlot: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public enum Day: Int, CaseIterable, Hashable, Comparable, Sendable, Codable {
        case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

        public var abbreviation: String {
            ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue - 1]
        }

        /// The day as a person reads it in the command's language (`周一`, `Mon`); ``abbreviation`` stays the
        /// files' spelling.
        public var spokenName: String {
            switch self {
            case .monday: Message.text("planning.day.monday")
            case .tuesday: Message.text("planning.day.tuesday")
            case .wednesday: Message.text("planning.day.wednesday")
            case .thursday: Message.text("planning.day.thursday")
            case .friday: Message.text("planning.day.friday")
            case .saturday: Message.text("planning.day.saturday")
            case .sunday: Message.text("planning.day.sunday")
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public enum Period: Int, CaseIterable, Hashable, Comparable, Sendable, Codable {
        case morning, afternoon, evening

        /// The spec's spelling: `AM`, `PM`, `EVE`.
        public var code: String { ["AM", "PM", "EVE"][rawValue] }

        /// The period as a person reads it in the command's language (`上午`, `AM`); ``code`` stays the files'
        /// spelling.
        public var spokenName: String {
            switch self {
            case .morning: Message.text("planning.period.morning")
            case .afternoon: Message.text("planning.period.afternoon")
            case .evening: Message.text("planning.period.evening")
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var day: Day
    public var period: Period

    public init(day: Day, period: Period) {
        self.day = day
        self.period = period
    }

    /// Parses `Mon-AM` style text (case-insensitive); nil when it is not a slot.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let day = Day.allCases.first(where: { $0.abbreviation.lowercased() == parts[0].lowercased() }),
            let period = Period.allCases.first(where: { $0.code.lowercased() == parts[1].lowercased() })
        else { return nil }
        self.init(day: day, period: period)
    }

    public var description: String { "\(day.abbreviation)-\(period.code)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.day, lhs.period) < (rhs.day, rhs.period)
    }
}
