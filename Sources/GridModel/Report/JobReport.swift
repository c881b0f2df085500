/// kpis.json of every job: the same top-level keys in every job, deterministic (nothing from the clock).
///
/// `counts` and `quality` are flat maps of numbers with snake_case names, so that two plans compare key by key
/// (`wangge scenario compare`); the job's structured figures (per community, per priority, solver summaries) sit in
/// `details`. Keys are written in snake_case and sorted (``JobName`` names the job).
public struct JobReport<Details: Encodable & Sendable>: Encodable, Sendable {
    public var job: JobName
    /// The rules that made the plan.
    public var ruleSet: RuleSetIdentity
    /// The seed of every random choice and tie-break.
    public var seed: UInt64
    /// `done` when every rule holds, `unmet` when a finding is stated (exit 0 and 1).
    public var status: JobStatus
    /// What the plan holds, by name (`grids`, `due_visits`, `cadre_posts`).
    public var counts: [String: Int]
    /// How good it is: measures, and the solver's objective, bound and gap where the job has them.
    public var quality: [String: Double]
    /// Every rule not met, sorted.
    public var findings: [Finding]
    /// What the job worked around without breaking a rule.
    public var warnings: [PlanWarning]
    /// The job's structured figures.
    public var details: Details

    /// A report whose status follows from the findings.
    public init(
        job: JobName, ruleSet: RuleSetIdentity, seed: UInt64, counts: [String: Int], quality: [String: Double],
        findings: [Finding], warnings: [PlanWarning], details: Details
    ) {
        self.job = job
        self.ruleSet = ruleSet
        self.seed = seed
        status = findings.isEmpty ? .done : .unmet
        self.counts = counts
        self.quality = quality
        self.findings = findings
        self.warnings = warnings
        self.details = details
    }
}

/// The planning jobs, as kpis.json, run.json and the plan folder's subfolders name them.
public enum JobName: String, Hashable, Sendable, Codable, CaseIterable {
    case grids
    case staff
    case roster
    case matching
}

/// How a job ended: `done` (exit 0) or `unmet` (a plan was written but some rule is not met: exit 1).
public enum JobStatus: String, Hashable, Sendable, Codable {
    case done
    case unmet
}
