import GridRules

/// The figures of a staffing run written to kpis.json; deterministic for the same input and rules.
public struct StaffingKPIs: Hashable, Sendable, Codable {
    /// Grids, micro-grids and buildings that need a leader.
    public var grids: Int
    public var microGrids: Int
    public var buildingsNeedingLeader: Int
    /// Filled posts by leaders.csv role.
    public var leaders: [String: Int]
    /// Sunk-down cadres, cadre posts written, and cadres holding at least one post.
    public var cadres: Int
    public var cadrePosts: Int
    public var cadresWithPost: Int
    /// Highest ratio of a cadre's post hours to their weekly hours.
    public var maxCadreLoad: Double
    /// New workers and those given a mentor.
    public var newWorkers: Int
    public var mentored: Int
    /// Eligible reporting party members and those placed.
    public var reportingEligible: Int
    public var reportingPlaced: Int
    /// Total missing holders and missing holders per rule id.
    public var shortfallTotal: Int
    public var shortfallByRule: [String: Int]
    /// Every shortfall, in words.
    public var shortfalls: [StaffingShortfall]
    /// Input warnings.
    public var warnings: [String]
    /// Solver outcome per part (`grid_posts`, `micro_grid_leaders`, `cadres`, `mentoring`) and over all.
    public var solver: [String: StaffingSolveSummary]
    /// The rule set used (hash over the rule files).
    public var ruleSet: RuleSetIdentity
}
