import GridModel
import GridRules

/// Plans one week's visits and door-knocking rounds under the visit rules.
public struct RosterPlanner: Sendable {
    public let ruleSet: RuleSet
    /// Communities planned at the same time, one GLPK problem per thread.
    public let threads: Int

    public init(ruleSet: RuleSet, threads: Int = 2) {
        self.ruleSet = ruleSet
        self.threads = max(1, threads)
    }

    /// The week's roster. Throws ``GridPlanningError`` when the input contradicts itself (overlapping pins).
    public func plan(_ input: RosterInput) throws(GridPlanningError) -> RosterResult {
        // Interface placeholder: the roster core replaces this body (issue 6).
        RosterResult(
            entries: [], unmet: [], warnings: ["the roster core is not built yet"],
            kpis: RosterKPIs(
                week: input.week.description, dueVisits: 0, metVisits: 0, unmetVisits: 0, doorKnockingRounds: 0,
                missedDoorKnockingRounds: 0, pinnedChanged: 0))
    }
}
