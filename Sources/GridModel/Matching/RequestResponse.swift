/// A volunteer's answer to a dispatched request (responses.csv): accepted or declined, and when.
///
/// The loop reads these after a dispatch: an accepted request never moves again, a declined one goes to its
/// alternates, and the person who declined is not offered it again. `at` is the "reply" of the 2341 targets.
public struct RequestResponse: Hashable, Sendable, Codable {
    /// What the volunteer said.
    public enum Answer: String, CaseIterable, Hashable, Sendable, Codable {
        case accept, decline
    }

    /// The request answered.
    public var requestID: RequestID
    /// The volunteer who answered.
    public var personID: PersonID
    /// Accept or decline.
    public var answer: Answer
    /// When the answer was given (Asia/Shanghai local time unless the rules say otherwise).
    public var at: LocalDateTime

    public init(requestID: RequestID, personID: PersonID, answer: Answer, at: LocalDateTime) {
        self.requestID = requestID
        self.personID = personID
        self.answer = answer
        self.at = at
    }
}
