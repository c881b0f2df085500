/// One row of matches.csv: a volunteer for a request, ranked (1 = dispatched, 2… = alternates), with the start,
/// the request's state and why this person.
public struct MatchRow: Hashable, Sendable, Codable {
    /// The request.
    public var requestID: RequestID
    /// 1 for the dispatched volunteer, 2… for the alternates in order.
    public var rank: Int
    /// The volunteer.
    public var personID: PersonID
    /// When the volunteer is to start (on the rules' step inside the request's window).
    public var start: LocalDateTime
    /// Minutes planned.
    public var minutes: Int
    /// The request's state.
    public var state: RequestState
    /// Why this person: the rule ids satisfied, in words a planner reads; never a resident's category.
    public var reason: String
    /// When the request was first dispatched (the "respond" of the 2341 targets); on the rank-1 row only.
    public var dispatchedAt: LocalDateTime?

    public init(
        requestID: RequestID, rank: Int, personID: PersonID, start: LocalDateTime, minutes: Int, state: RequestState,
        reason: String, dispatchedAt: LocalDateTime? = nil
    ) {
        self.dispatchedAt = dispatchedAt
        self.requestID = requestID
        self.rank = rank
        self.personID = personID
        self.start = start
        self.minutes = minutes
        self.state = state
        self.reason = reason
    }

    /// Whether this row names the dispatched volunteer rather than an alternate.
    public var isDispatched: Bool { rank == 1 }
}
