/// A service as it went (completions.csv): who served, when it started, how long it took, how it ended, and who
/// confirmed it.
///
/// Only a confirmed `done` completion closes a request as served ("solve" of the 2341 targets) and earns time-bank
/// minutes; `cancelled` closes it unserved; `no_show` reopens it for the next dispatch, never again to that volunteer.
public struct ServiceCompletion: Hashable, Sendable, Codable {
    /// How the service ended.
    public enum Outcome: String, CaseIterable, Hashable, Sendable, Codable {
        /// Served.
        case done
        /// Called off (by the resident or the community) before it was served.
        case cancelled
        /// The volunteer did not come.
        case noShow = "no_show"
    }

    /// The request served.
    public var requestID: RequestID
    /// The volunteer who served (or failed to come).
    public var personID: PersonID
    /// When the service started ("coordinate" of the 2341 targets).
    public var startedAt: LocalDateTime
    /// Minutes served, at least 1.
    public var minutes: Int
    /// How it ended.
    public var outcome: Outcome
    /// Who confirmed it (a staff member's person id, or the resident): carried to the time bank as its operator.
    public var confirmedBy: String?
    /// When it was confirmed; nil while unconfirmed.
    public var confirmedAt: LocalDateTime?

    public init(
        requestID: RequestID, personID: PersonID, startedAt: LocalDateTime, minutes: Int, outcome: Outcome,
        confirmedBy: String? = nil, confirmedAt: LocalDateTime? = nil
    ) {
        self.requestID = requestID
        self.personID = personID
        self.startedAt = startedAt
        self.minutes = minutes
        self.outcome = outcome
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
    }

    /// Whether the service was done and someone confirmed it: only then does it close the request and earn.
    public var isConfirmedDone: Bool { outcome == .done && confirmedAt != nil }
}
