import GridModel

/// Everything one week's roster is planned from.
public struct RosterInput: Sendable {
    /// The street: people (availability, hours, roles, skills, homes) and residents (categories, pairings).
    public var street: Street
    /// The week to plan.
    public var week: ISOWeek
    /// The grid of every residential building, from the plan folder's grids.csv.
    public var gridOfBuilding: [BuildingID: GridID]
    /// The grids each person serves through a post (leaders.csv, cadres.csv, reporting.csv of the plan folder).
    public var postsOfPerson: [PersonID: Set<GridID>]
    /// Past visits (visits.csv), from which the visits still due in each period are counted.
    public var history: [Visit]
    /// Already published entries that should stay (an earlier roster.csv of the same week).
    public var pinned: [RosterEntry]
    public var leave: [Leave]
    public var calendar: [CalendarDay]
    /// Seeds every tie-break, so the same input gives the same roster.
    public var seed: UInt64

    public init(
        street: Street, week: ISOWeek, gridOfBuilding: [BuildingID: GridID], postsOfPerson: [PersonID: Set<GridID>],
        history: [Visit] = [], pinned: [RosterEntry] = [], leave: [Leave] = [], calendar: [CalendarDay] = [],
        seed: UInt64 = 1
    ) {
        self.street = street
        self.week = week
        self.gridOfBuilding = gridOfBuilding
        self.postsOfPerson = postsOfPerson
        self.history = history
        self.pinned = pinned
        self.leave = leave
        self.calendar = calendar
        self.seed = seed
    }
}
