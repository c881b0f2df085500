/// A resident's order for a service (群众点单), to be dispatched to a volunteer (requests.csv).
///
/// Most orders come from a resident the community looks after (`resident_id`); the data format also lets someone
/// not in residents.csv order, by the building they live in (`building_id`), so that a neighbour who is not on any
/// list is still served. ``Requester`` holds exactly one of the two, so no request is ever without a place.
public struct ServiceRequest: Hashable, Sendable, Codable {
    /// Who ordered: a resident of residents.csv, or someone not listed, known by their building.
    public enum Requester: Hashable, Sendable, Codable {
        /// A resident of residents.csv (`resident_id`).
        case resident(ResidentID)
        /// Someone not in residents.csv, living in this building (`building_id`).
        case building(BuildingID)
    }

    public var id: RequestID
    /// Who ordered the service.
    public var requester: Requester
    public var service: Service
    public var createdAt: LocalDateTime
    public var earliest: LocalDateTime
    public var latest: LocalDateTime
    public var minutes: Int
    public var urgency: String?
    public var note: String?

    /// The resident who ordered, when the order came from residents.csv.
    public var residentID: ResidentID? {
        if case .resident(let id) = requester { return id }
        return nil
    }

    /// The building of someone not in residents.csv who ordered; nil for a resident's order (the resident's
    /// building is in residents.csv).
    public var buildingID: BuildingID? {
        if case .building(let id) = requester { return id }
        return nil
    }

    /// A request by `requester`.
    public init(
        id: RequestID, requester: Requester, service: Service, createdAt: LocalDateTime, earliest: LocalDateTime,
        latest: LocalDateTime, minutes: Int, urgency: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.requester = requester
        self.service = service
        self.createdAt = createdAt
        self.earliest = earliest
        self.latest = latest
        self.minutes = minutes
        self.urgency = urgency
        self.note = note
    }

    /// A resident's request.
    public init(
        id: RequestID, residentID: ResidentID, service: Service, createdAt: LocalDateTime, earliest: LocalDateTime,
        latest: LocalDateTime, minutes: Int, urgency: String? = nil, note: String? = nil
    ) {
        self.init(
            id: id, requester: .resident(residentID), service: service, createdAt: createdAt, earliest: earliest,
            latest: latest, minutes: minutes, urgency: urgency, note: note)
    }

    /// A request from someone not in residents.csv, living in `buildingID`.
    public init(
        id: RequestID, buildingID: BuildingID, service: Service, createdAt: LocalDateTime, earliest: LocalDateTime,
        latest: LocalDateTime, minutes: Int, urgency: String? = nil, note: String? = nil
    ) {
        self.init(
            id: id, requester: .building(buildingID), service: service, createdAt: createdAt, earliest: earliest,
            latest: latest, minutes: minutes, urgency: urgency, note: note)
    }
}
