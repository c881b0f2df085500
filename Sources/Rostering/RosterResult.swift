import GridModel

/// A week's roster: the entries, the due visits left out, and the figures for kpis.json.
public struct RosterResult: Sendable {
    /// Sorted by date, period, grid, person, resident.
    public var entries: [RosterEntry]
    /// Sorted by due date, then resident.
    public var unmet: [UnmetVisit]
    /// Door-knocking rounds owed that found no slot or no grid, one finding per person.
    public var doorKnockingMissed: [Finding]
    public var kpis: RosterKPIs

    public init(entries: [RosterEntry], unmet: [UnmetVisit], doorKnockingMissed: [Finding], kpis: RosterKPIs) {
        self.entries = entries
        self.unmet = unmet
        self.doorKnockingMissed = doorKnockingMissed
        self.kpis = kpis
    }

    /// Every rule not met: the unmet visits in unmet.csv's order, then the missed door-knocking rounds.
    public var findings: [Finding] { unmet.map(\.finding) + doorKnockingMissed }

    /// Whether every due visit and every door-knocking round was placed (exit 0 rather than 1).
    public var isComplete: Bool { unmet.isEmpty && doorKnockingMissed.isEmpty }
}
