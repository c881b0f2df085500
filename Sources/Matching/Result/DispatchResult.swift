import GridModel

/// The dispatch of one problem: matches with alternates, unmatched requests with reasons, and how each part solved.
public struct DispatchResult: Hashable, Sendable {
    /// Matches (accepted ones included, marked fixed), sorted by request id.
    public var matches: [DispatchMatch]
    /// Requests nobody was given, sorted by request id.
    public var unmatched: [UnmatchedRequest]
    /// The parts in the order solved.
    public var parts: [DispatchPartOutcome]

    /// The findings of the unmatched requests, in request order.
    public var findings: [Finding] { unmatched.map(\.finding) }
}
