import GridModel

/// One volunteer as the dispatcher sees them: home, skills, when they are free, and where they already are.
public struct DispatchVolunteer: Hashable, Sendable {
    /// Time already taken at a place: a roster visit, or a job accepted outside this problem.
    public struct BusyInterval: Hashable, Sendable {
        /// When.
        public var interval: MinuteInterval
        /// Where, in metres in the street's planar frame (the walk to and from it is counted).
        public var position: PlanarPoint

        /// Creates a busy interval.
        public init(interval: MinuteInterval, position: PlanarPoint) {
            self.interval = interval
            self.position = position
        }
    }

    /// The volunteer.
    public var id: PersonID
    /// Home, the origin of the walk the second tier minimises and of the distance limit.
    public var home: PlanarPoint
    /// Skills offered.
    public var skills: Set<Skill>
    /// When they can serve: their weekly slots in the week, minus leave (the job builds these).
    public var available: [MinuteInterval]
    /// When and where they are already taken.
    public var busy: [BusyInterval]
    /// A party member (党员接单), a ranking preference for alternates.
    public var partyMember: Bool

    /// Creates a volunteer.
    public init(
        id: PersonID, home: PlanarPoint, skills: Set<Skill> = [], available: [MinuteInterval],
        busy: [BusyInterval] = [], partyMember: Bool = false
    ) {
        self.id = id
        self.home = home
        self.skills = skills
        self.available = available
        self.busy = busy
        self.partyMember = partyMember
    }
}
