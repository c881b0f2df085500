import GridModel

/// A due visit still to be planned in a community: the resident's grid, paired person and needed skills resolved.
struct OpenVisit: Sendable {
    var due: DueVisit
    /// The resident's index in the context.
    var resident: Int
    /// The resident's grid; nil when their building is not in the plan.
    var grid: GridID?
    /// The paired person's index, when the resident has a pairing and the person is in the street.
    var paired: Int?
    /// Needed skills (the resident's needs that are skills of the rules' vocabulary).
    var needs: [Skill]
    /// A stable key for hashes: resident id and ordinal.
    let key: String

    init(due: DueVisit, resident: Int, grid: GridID?, paired: Int?, needs: [Skill]) {
        self.due = due
        self.resident = resident
        self.grid = grid
        self.paired = paired
        self.needs = needs
        key = "\(due.residentID.rawValue)#\(due.ordinal)"
    }
}
