import GridModel

/// One generated service order (a row of requests.csv): who asked, for what, when it was made and the window the
/// requester can be served in.
///
/// Kept apart from ``GridModel/ServiceRequest`` because about one order in ten comes from someone not in
/// residents.csv and names only the building (`building_id`), which that type cannot yet hold.
public struct GeneratedRequest: Hashable, Sendable {
    /// Who ordered: a resident the community looks after, or someone else living in a building.
    public enum Requester: Hashable, Sendable {
        /// A resident of residents.csv (`resident_id`).
        case resident(ResidentID)
        /// Someone not in residents.csv, known only by the building they live in (`building_id`).
        case building(BuildingID)
    }

    /// Urgency as written in requests.csv's `urgency` column.
    public enum Urgency: String, Hashable, Sendable, CaseIterable {
        /// Needed within hours (an escort today, medicine running out).
        case urgent
        /// Needed within a day or so.
        case normal
        /// Whenever it suits within two days.
        case low
    }

    /// `RQ00042`, prefixed by the street in a city (`S003-RQ00042`); numbered in order of creation.
    public var id: RequestID
    /// Who ordered.
    public var requester: Requester
    /// The community the requester lives in.
    public var communityID: CommunityID
    /// A service id of the rules' service catalogue.
    public var service: Service
    /// When the order was made (Asia/Shanghai local time).
    public var createdAt: LocalDateTime
    /// The earliest start the requester accepts.
    public var earliest: LocalDateTime
    /// The latest end the requester accepts; at least `minutes` after `earliest`.
    public var latest: LocalDateTime
    /// The service's usual length from the catalogue.
    public var minutes: Int
    /// How soon it is needed.
    public var urgency: Urgency

    /// A request as generated.
    public init(
        id: RequestID, requester: Requester, communityID: CommunityID, service: Service, createdAt: LocalDateTime,
        earliest: LocalDateTime, latest: LocalDateTime, minutes: Int, urgency: Urgency
    ) {
        self.id = id
        self.requester = requester
        self.communityID = communityID
        self.service = service
        self.createdAt = createdAt
        self.earliest = earliest
        self.latest = latest
        self.minutes = minutes
        self.urgency = urgency
    }
}
