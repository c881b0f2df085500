import GridModel

/// One row of mentoring.csv: a mentor (老带新) for a new worker.
public struct MentorPairing: Hashable, Sendable {
    /// The mentor.
    public var mentorID: PersonID
    /// The new worker.
    public var newWorkerID: PersonID
    /// Why, citing rule ids.
    public var reason: String
}
