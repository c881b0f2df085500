/// Where a request stands in the loop (matches.csv `state`): ordered, dispatched, answered, served, confirmed, or
/// called off or late.
public enum RequestState: String, CaseIterable, Hashable, Sendable, Codable {
    /// Ordered and not yet dispatched.
    case open
    /// Dispatched to a volunteer, no answer yet.
    case dispatched
    /// The volunteer accepted; it never moves again.
    case accepted
    /// The volunteer declined; it goes to an alternate or is dispatched anew.
    case declined
    /// Served, not yet confirmed.
    case done
    /// Served and confirmed: closed, and the volunteer earns time-bank minutes.
    case confirmed
    /// Called off.
    case cancelled
    /// Its window has passed without service.
    case overdue
}
