/// A day the official calendar treats differently from its weekday (calendar.csv: `date, kind`).
public struct CalendarDay: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// A public holiday: nobody is asked to serve.
        case holiday
        /// A weekend made a working day (调休): it counts as the weekday it replaces.
        case workday
    }

    public var date: CalendarDate
    public var kind: Kind

    public init(date: CalendarDate, kind: Kind) {
        self.date = date
        self.kind = kind
    }
}
