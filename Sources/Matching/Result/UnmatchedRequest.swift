import GridModel

/// A request no volunteer was given, with the first hard rule that blocks every volunteer.
public struct UnmatchedRequest: Hashable, Sendable {
    /// The request.
    public var request: RequestID
    /// Why nobody could take it.
    public var block: DispatchBlock
    /// The same as a finding: the rule, the request and its community, the reason in words.
    public var finding: Finding
}
