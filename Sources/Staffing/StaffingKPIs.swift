import GridModel
import GridRules

/// The figures of a staffing run written to kpis.json; deterministic for the same input and rules.
public struct StaffingKPIs: Hashable, Sendable, Codable {
    /// Grids of the plan.
    public var grids: Int
    /// Micro-grids of the plan.
    public var microGrids: Int
    /// Buildings the building-leader rule gives a leader.
    public var buildingsNeedingLeader: Int
    /// Filled posts by leaders.csv role.
    public var leaders: [String: Int]
    /// Sunk-down cadres of the planned communities.
    public var cadres: Int
    /// Rows of cadres.csv.
    public var cadrePosts: Int
    /// Cadres holding at least one post.
    public var cadresWithPost: Int
    /// Highest ratio of a cadre's post hours to their weekly hours.
    public var maxCadreLoad: Double
    /// New workers.
    public var newWorkers: Int
    /// New workers given a mentor.
    public var mentored: Int
    /// Party members the reporting rule applies to.
    public var reportingEligible: Int
    /// Rows of reporting.csv.
    public var reportingPlaced: Int
    /// Total missing holders.
    public var shortfallTotal: Int
    /// Missing holders per rule id.
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
