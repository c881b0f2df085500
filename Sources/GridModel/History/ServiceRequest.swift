/// A resident's order for a service (群众点单), to be dispatched to a volunteer (requests.csv).
public struct ServiceRequest: Hashable, Sendable, Codable {
    public var id: RequestID
    public var residentID: ResidentID
    public var service: Service
    public var createdAt: LocalDateTime
    public var earliest: LocalDateTime
    public var latest: LocalDateTime
    public var minutes: Int
    public var urgency: String?
    public var note: String?

    public init(
        id: RequestID, residentID: ResidentID, service: Service, createdAt: LocalDateTime, earliest: LocalDateTime,
        latest: LocalDateTime, minutes: Int, urgency: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.residentID = residentID
        self.service = service
        self.createdAt = createdAt
        self.earliest = earliest
        self.latest = latest
        self.minutes = minutes
        self.urgency = urgency
        self.note = note
    }
}
