import GridModel

/// The roster job's figures for kpis.json. Deterministic: no times, no machine facts.
public struct RosterKPIs: Sendable, Hashable, Codable {
    /// The planned week (`2026-W48`).
    public var week: String
    /// Visits due this week (debt included; a two-visitor visit counts once).
    public var dueVisits: Int
    /// Due visits planned (kept pinned ones included).
    public var metVisits: Int
    /// Due visits left out (unmet.csv rows).
    public var unmetVisits: Int
    /// Door-knocking rounds planned or kept.
    public var doorKnockingRounds: Int
    /// Rounds owed that found no slot (each has a warning).
    public var missedDoorKnockingRounds: Int
    /// Pinned entries that could not stay (for instance, their visitor went on leave).
    public var pinnedChanged: Int
    /// Due visits carried over from earlier weeks (debt).
    public var carriedOverVisits: Int
    /// Due, met and unmet visits per priority class, by rank.
    public var byPriority: [RosterPriorityCount]
    /// Due visits of residents with a paired person.
    public var pairedVisits: Int
    /// Of those, visits the paired person makes.
    public var pairedKept: Int
    /// `pairedKept / pairedVisits` (1 when there are none).
    public var pairedKeptShare: Double
    /// Visitors who make at least one visit.
    public var activeVisitors: Int
    /// Visits per weekly hour of the least and most loaded visitor able to visit this week, and the mean (visitors
    /// with hours in people.csv).
    public var minLoadPerHour: Double
    /// See ``minLoadPerHour``.
    public var maxLoadPerHour: Double
    /// See ``minLoadPerHour``.
    public var meanLoadPerHour: Double
    /// Entries written (visit rows and rounds).
    public var entries: Int
    /// The assignment solves: worst status, summed objective and bound, gap, models.
    public var solver: RosterSolveSummary

    /// Creates the figures; every field after `pinnedChanged` has a default.
    public init(
        week: String, dueVisits: Int, metVisits: Int, unmetVisits: Int, doorKnockingRounds: Int,
        missedDoorKnockingRounds: Int, pinnedChanged: Int, carriedOverVisits: Int = 0,
        byPriority: [RosterPriorityCount] = [], pairedVisits: Int = 0, pairedKept: Int = 0,
        pairedKeptShare: Double = 1, activeVisitors: Int = 0, minLoadPerHour: Double = 0,
        maxLoadPerHour: Double = 0, meanLoadPerHour: Double = 0, entries: Int = 0,
        solver: RosterSolveSummary = RosterSolveSummary()
    ) {
        self.week = week
        self.dueVisits = dueVisits
        self.metVisits = metVisits
        self.unmetVisits = unmetVisits
        self.doorKnockingRounds = doorKnockingRounds
        self.missedDoorKnockingRounds = missedDoorKnockingRounds
        self.pinnedChanged = pinnedChanged
        self.carriedOverVisits = carriedOverVisits
        self.byPriority = byPriority
        self.pairedVisits = pairedVisits
        self.pairedKept = pairedKept
        self.pairedKeptShare = pairedKeptShare
        self.activeVisitors = activeVisitors
        self.minLoadPerHour = minLoadPerHour
        self.maxLoadPerHour = maxLoadPerHour
        self.meanLoadPerHour = meanLoadPerHour
        self.entries = entries
        self.solver = solver
    }
}

extension RosterKPIs {
    /// The structured figures of kpis.json's `details`.
    public struct Details: Encodable, Sendable {
        /// The planned week (`2026-W48`).
        public var week: String
        /// Due, met and unmet visits per priority class, by rank.
        public var byPriority: [RosterPriorityCount]
        /// The assignment solves.
        public var solver: RosterSolveSummary
    }

    /// kpis.json of the roster job: the counts and measures as flat maps, the rest in `details`.
    public func report(
        findings: [Finding], warnings: [PlanWarning], seed: UInt64, ruleSet: RuleSetIdentity
    ) -> JobReport<Details> {
        let counts = [
            "due_visits": dueVisits, "met_visits": metVisits, "unmet_visits": unmetVisits,
            "door_knocking_rounds": doorKnockingRounds, "missed_door_knocking_rounds": missedDoorKnockingRounds,
            "pinned_changed": pinnedChanged, "carried_over_visits": carriedOverVisits, "paired_visits": pairedVisits,
            "paired_kept": pairedKept, "active_visitors": activeVisitors, "entries": entries,
            "solver_models": solver.models,
        ]
        let quality = [
            "paired_kept_share": pairedKeptShare, "min_load_per_hour": minLoadPerHour,
            "max_load_per_hour": maxLoadPerHour, "mean_load_per_hour": meanLoadPerHour,
            "objective": solver.objective, "bound": solver.bound, "gap": solver.gap,
        ]
        return JobReport(
            job: .roster, ruleSet: ruleSet, seed: seed, counts: counts, quality: quality, findings: findings,
            warnings: warnings, details: Details(week: week, byPriority: byPriority, solver: solver))
    }
}

extension RosterResult {
    /// kpis.json of this roster: the unmet visits and missed rounds are its findings.
    public func report(seed: UInt64, ruleSet: RuleSetIdentity) -> JobReport<RosterKPIs.Details> {
        kpis.report(findings: findings, warnings: [], seed: seed, ruleSet: ruleSet)
    }
}
