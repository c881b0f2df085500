/// A past visit (visits.csv) from which due visits are counted.
public struct Visit: Hashable, Sendable, Codable {
    public enum Outcome: String, CaseIterable, Hashable, Sendable, Codable {
        case done, missed, refused
    }

    public var date: CalendarDate
    public var personID: PersonID
    public var residentID: ResidentID
    public var outcome: Outcome

    public init(date: CalendarDate, personID: PersonID, residentID: ResidentID, outcome: Outcome) {
        self.date = date
        self.personID = personID
        self.residentID = residentID
        self.outcome = outcome
    }
}
