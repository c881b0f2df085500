import GridModel

/// The staffing of a plan: every output row, the shortfalls and the figures.
public struct StaffingPlan: Sendable {
    /// leaders.csv rows, sorted by role, grid, micro-grid, building.
    public var leaders: [LeaderAssignment]
    /// cadres.csv rows, sorted by person, grid, post.
    public var cadrePosts: [CadrePostAssignment]
    /// mentoring.csv rows, sorted by new worker.
    public var mentoring: [MentorPairing]
    /// reporting.csv rows, sorted by person.
    public var reporting: [ReportingPlacement]
    /// Rules unmet for lack of people.
    public var shortfalls: [Finding]
    /// Input the plan worked around.
    public var warnings: [PlanWarning]
    /// kpis.json.
    public var kpis: StaffingKPIs

    /// Whether every staffing rule is met (exit 0) or some is short (exit 1).
    public var isComplete: Bool { shortfalls.isEmpty }
}

extension StaffingPlan {
    /// kpis.json of this plan: the shortfalls are its findings.
    public func report(seed: UInt64, ruleSet: RuleSetIdentity) -> JobReport<StaffingKPIs.Details> {
        kpis.report(findings: shortfalls, warnings: warnings, seed: seed, ruleSet: ruleSet)
    }
}
