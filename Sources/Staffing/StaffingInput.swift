import GridModel

/// Everything the staffing job reads: the street, the plan to staff, the current staffing and the planner's locks.
public struct StaffingInput: Sendable {
    /// The street (people, residents, buildings).
    public var street: Street
    /// The plan to staff: grids.csv rows of the plan folder.
    public var plan: [GridAssignment]
    /// Posts held today (leaders.csv and cadres.csv of `--current`), preferred for stability.
    public var currentPosts: [CurrentPost]
    /// Planner's pins: a person held to a post (`grid_leader`, `grid_worker`, `micro_grid_leader`,
    /// `building_leader`, a cadre post id, `mentor`, `reporting`).
    public var locks: [PlanLock]
    /// Ability and enthusiasm scores from extra columns of people.csv (`ability`, `enthusiasm`), when present.
    public var scores: [PersonID: PersonScores]
    /// The year ages are computed in (birth_year → age).
    public var referenceYear: Int
    /// Seconds each solver problem may take at most.
    public var timeLimitPerProblem: Double

    /// Creates an input; `referenceYear` fixes ages so that a run is reproducible.
    public init(
        street: Street, plan: [GridAssignment], currentPosts: [CurrentPost] = [], locks: [PlanLock] = [],
        scores: [PersonID: PersonScores] = [:], referenceYear: Int, timeLimitPerProblem: Double = 20
    ) {
        self.street = street
        self.plan = plan
        self.currentPosts = currentPosts
        self.locks = locks
        self.scores = scores
        self.referenceYear = referenceYear
        self.timeLimitPerProblem = timeLimitPerProblem
    }
}
