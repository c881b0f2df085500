import GridModel
import GridRules

/// The figures of a staffing run; deterministic for the same input and rules. ``report(findings:warnings:seed:ruleSet:)``
/// lays them out as kpis.json.
public struct StaffingKPIs: Hashable, Sendable, Codable {
    /// Residential grids of the plan (counted as `grids draw` counts them: special grids apart).
    public var grids: Int
    /// Special grids (专属网格) of the plan: grids of non-residential buildings only.
    public var specialGrids: Int
    /// Micro-grids of the plan's residential grids.
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
    /// Solver outcome per part (`grid_posts`, `micro_grid_leaders`, `cadres`, `mentoring`) and over all.
    public var solver: [String: StaffingSolveSummary]
}

extension StaffingKPIs {
    /// The structured figures of kpis.json's `details`.
    public struct Details: Encodable, Sendable {
        /// Filled posts by leaders.csv role.
        public var leaders: [String: Int]
        /// Missing holders per rule id.
        public var shortfallByRule: [String: Int]
        /// Solver outcome per part and over all (`all`).
        public var solver: [String: StaffingSolveSummary]
    }

    /// kpis.json of the staffing job: the counts and measures as flat maps, the rest in `details`.
    public func report(
        findings: [Finding], warnings: [PlanWarning], seed: UInt64, ruleSet: RuleSetIdentity
    ) -> JobReport<Details> {
        var counts = [
            "grids": grids, "special_grids": specialGrids, "micro_grids": microGrids,
            "buildings_needing_leader": buildingsNeedingLeader,
            "cadres": cadres, "cadre_posts": cadrePosts, "cadres_with_post": cadresWithPost, "new_workers": newWorkers,
            "mentored": mentored, "reporting_eligible": reportingEligible, "reporting_placed": reportingPlaced,
            "shortfall_total": shortfallTotal,
        ]
        for (role, filled) in leaders { counts["leaders_\(role)"] = filled }
        var quality = ["max_cadre_load": maxCadreLoad]
        if let all = solver["all"] { quality.merge(all.qualityFigures) { first, _ in first } }
        return JobReport(
            job: .staff, ruleSet: ruleSet, seed: seed, counts: counts, quality: quality, findings: findings,
            warnings: warnings, details: Details(leaders: leaders, shortfallByRule: shortfallByRule, solver: solver))
    }
}
