import GridModel

/// One request to dispatch, in the dispatcher's plain terms: where, what skills, how long, when, how important.
public struct DispatchRequest: Hashable, Sendable {
    /// An accepted match that never moves: the volunteer and the start time they agreed to.
    public struct FixedAssignment: Hashable, Sendable {
        /// The volunteer who accepted.
        public var volunteer: PersonID
        /// The agreed start, in absolute minutes.
        public var start: Int

        /// Creates a fixed assignment.
        public init(volunteer: PersonID, start: Int) {
            self.volunteer = volunteer
            self.start = start
        }
    }

    /// The request.
    public var id: RequestID
    /// Where the service happens, in metres in the street's planar frame.
    public var position: PlanarPoint
    /// The community the request belongs to (parts are cut by community and day).
    public var community: CommunityID
    /// Skills a volunteer needs, all of them; empty means anyone may serve.
    public var requiredSkills: Set<Skill>
    /// How long the service takes.
    public var minutes: Int
    /// The earliest start, in absolute minutes.
    public var earliest: Int
    /// The latest end, in absolute minutes: a job starting at t ends at t + minutes ≤ latest.
    public var latest: Int
    /// The weight of dispatching it in the first tier (urgency, elderly living alone); above 0.
    public var priority: Double
    /// Volunteers who declined it: never offered it again unless the rules allow.
    public var declinedBy: Set<PersonID>
    /// An accepted assignment, kept as it is.
    public var fixed: FixedAssignment?
    /// Volunteers who do not meet the service's provider condition (the catalogue's `provider`, such as an age):
    /// never given it, as if they lacked a skill.
    public var ineligible: Set<PersonID>

    /// Creates a request.
    public init(
        id: RequestID, position: PlanarPoint, community: CommunityID, requiredSkills: Set<Skill> = [],
        minutes: Int, earliest: Int, latest: Int, priority: Double = 1, declinedBy: Set<PersonID> = [],
        fixed: FixedAssignment? = nil, ineligible: Set<PersonID> = []
    ) {
        self.ineligible = ineligible
        self.id = id
        self.position = position
        self.community = community
        self.requiredSkills = requiredSkills
        self.minutes = minutes
        self.earliest = earliest
        self.latest = latest
        self.priority = priority
        self.declinedBy = declinedBy
        self.fixed = fixed
    }
}
