import GridModel

/// What one part (a community and day, or the whole problem) gave the solver and how each tier ended.
public struct DispatchPartOutcome: Hashable, Sendable {
    /// The part's community; nil for the whole problem.
    public var community: CommunityID?
    /// The part's day (absolute minutes ÷ 1,440); nil for the whole problem.
    public var day: Int?
    /// Open requests in the part.
    public var requests: Int
    /// Candidate (request, volunteer, start) variables.
    public var candidates: Int
    /// Constraint rows of the model.
    public var constraints: Int
    /// Whether `volunteersPerRequest` dropped any volunteer who passed every per-pair rule.
    public var volunteersTrimmed: Bool
    /// The tiers in order; empty when the part had no candidate (nothing to solve).
    public var tiers: [DispatchTierOutcome]

    /// Whether every tier was proven optimal.
    public var isOptimal: Bool { tiers.allSatisfy { $0.status == .optimal } }

    /// Whether the priority and walking tiers were proven optimal (the load tier may stop at the walk's proof).
    public var isWalkingOptimal: Bool { tiers.allSatisfy { $0.tier == .load || $0.status == .optimal } }
}
