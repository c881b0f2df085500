import GridModel

/// What a re-draw did with one community's current plan: kept it verbatim (codes included), or drew the community
/// again and why (its buildings, units or floors changed, or the current plan misses a hard rule now).
public struct CommunityRedraw: Hashable, Sendable, Codable {
    /// The community.
    public var communityID: CommunityID
    /// Whether the current plan's rows were kept exactly.
    public var keptVerbatim: Bool
    /// Why the community was drawn again (at most 8 sentences and a count of the rest); empty when kept.
    public var reasons: [String]

    /// A decision with every field given.
    public init(communityID: CommunityID, keptVerbatim: Bool, reasons: [String]) {
        self.communityID = communityID
        self.keptVerbatim = keptVerbatim
        self.reasons = reasons
    }
}
