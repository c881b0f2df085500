/// One row of a weekly roster (roster.csv): a visitor's visit to a resident, or a cadre's door-knocking round.
///
/// A two-visitor visit is two entries with the same resident, date and period.
public struct RosterEntry: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case visit
        case doorKnocking = "door_knocking"
    }

    public var week: ISOWeek
    public var date: CalendarDate
    public var period: WeeklySlot.Period
    public var personID: PersonID
    /// Nil for a door-knocking round.
    public var residentID: ResidentID?
    public var gridID: GridID
    public var kind: Kind
    /// Why this person, then, naming the rule ids satisfied. Never names a sensitive category.
    public var reason: String

    public init(
        week: ISOWeek, date: CalendarDate, period: WeeklySlot.Period, personID: PersonID, residentID: ResidentID?,
        gridID: GridID, kind: Kind, reason: String
    ) {
        self.week = week
        self.date = date
        self.period = period
        self.personID = personID
        self.residentID = residentID
        self.gridID = gridID
        self.kind = kind
        self.reason = reason
    }
}
