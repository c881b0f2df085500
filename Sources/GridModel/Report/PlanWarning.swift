/// Something a job worked around without breaking a rule (an island joined, a cadre with zero hours, a pair of
/// buildings in adjacency.csv that names no building), with where it happened.
public struct PlanWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    public var location: FindingLocation
    /// What happened and what the job did, for people.
    public var message: String

    /// A warning at `location`.
    public init(location: FindingLocation = FindingLocation(), message: String) {
        self.location = location
        self.message = message
    }

    /// A piece of a community cut off from the rest (an island building, or buildings behind a barrier) that the
    /// drawing joined to its nearest building: the grid job and the districting core say it in the same words.
    public static func joined(
        piece: [BuildingID], in community: CommunityID, to nearest: BuildingID, metres: Double
    ) -> PlanWarning {
        let location = FindingLocation(communityID: community)
        let metres = "\(Int(metres.rounded()))"
        guard piece.count > 1 else {
            return PlanWarning(
                location: location,
                message: Message.text("planning.warning.island", [
                    "community": community.rawValue, "building": piece.first?.rawValue ?? "",
                    "nearest": nearest.rawValue, "metres": metres,
                ]))
        }
        let shown = piece.prefix(3).map(\.rawValue) + (piece.count > 3 ? ["…"] : [])
        return PlanWarning(
            location: location,
            message: Message.text("planning.warning.cut_off", [
                "community": community.rawValue, "count": "\(piece.count)", "buildings": Language.current.list(shown),
                "nearest": nearest.rawValue, "metres": metres,
            ]))
    }

    /// A community that barriers cut into pieces of `sizes` buildings, each drawn on its own.
    public static func cut(_ community: CommunityID, into sizes: [Int]) -> PlanWarning {
        let pieces = sizes.map { Message.text("planning.warning.piece", ["count": "\($0)"]) }
        return PlanWarning(
            location: FindingLocation(communityID: community),
            message: Message.text("planning.warning.cut", [
                "community": community.rawValue, "count": "\(sizes.count)", "pieces": Language.current.list(pieces),
            ]))
    }

    /// The community concerned, when there is one.
    public var communityID: CommunityID? { location.communityID }

    /// The message.
    public var description: String { message }

    private enum CodingKeys: String, CodingKey {
        case communityID = "community_id", place, message
    }

    /// kpis.json's keys: `community_id`, `place`, `message`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location.communityID, forKey: .communityID)
        try container.encode(location.place, forKey: .place)
        try container.encode(message, forKey: .message)
    }

    /// Reads kpis.json's keys back; the place is kept as text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        location = FindingLocation(
            communityID: try container.decodeIfPresent(CommunityID.self, forKey: .communityID),
            other: try container.decodeIfPresent(String.self, forKey: .place))
        message = try container.decode(String.self, forKey: .message)
    }
}
