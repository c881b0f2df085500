/// A stretch of days a person cannot serve (leave.csv: `person_id, from, to`, both days included).
public struct Leave: Hashable, Sendable, Codable {
    public var personID: PersonID
    public var from: CalendarDate
    public var to: CalendarDate

    public init(personID: PersonID, from: CalendarDate, to: CalendarDate) {
        self.personID = personID
        self.from = from
        self.to = to
    }

    /// Whether `date` falls inside the leave.
    public func covers(_ date: CalendarDate) -> Bool { from <= date && date <= to }
}
