/// A due visit the roster could not place (unmet.csv: `resident_id, due, reason`).
public struct UnmetVisit: Hashable, Sendable, Codable {
    public var residentID: ResidentID
    /// The date by which the visit was due.
    public var due: CalendarDate
    /// Which rule failed, where and by how much, in words.
    public var reason: String

    public init(residentID: ResidentID, due: CalendarDate, reason: String) {
        self.residentID = residentID
        self.due = due
        self.reason = reason
    }
}
