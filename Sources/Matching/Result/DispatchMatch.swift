import GridModel

/// A request given to a volunteer at a start time, with the alternates who could take it instead.
public struct DispatchMatch: Hashable, Sendable {
    /// Another volunteer who could take the request, given everyone else's final assignment.
    public struct Alternate: Hashable, Sendable {
        /// The volunteer.
        public var volunteer: PersonID
        /// Their earliest possible start.
        public var start: Int
        /// Metres from their home.
        public var walkingMetres: Double
        /// The ranking score (`matching.ranking`: distance, skill fit, load, party member); higher first.
        public var score: Double
    }

    /// The request.
    public var request: RequestID
    /// Its community.
    public var community: CommunityID
    /// The volunteer.
    public var volunteer: PersonID
    /// The start, in absolute minutes.
    public var start: Int
    /// The end (start + minutes).
    public var end: Int
    /// Metres from the volunteer's home to the request.
    public var walkingMetres: Double
    /// An accepted match kept as it was.
    public var fixed: Bool
    /// Ranked alternates, best first, at most the rules' number.
    public var alternates: [Alternate]
}
