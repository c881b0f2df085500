import GridModel

/// A week's roster: the entries, the due visits left out, and the figures for kpis.json.
public struct RosterResult: Sendable {
    /// Sorted by date, period, grid, person, resident.
    public var entries: [RosterEntry]
    /// Sorted by due date, then resident.
    public var unmet: [UnmetVisit]
    /// Problems that are not a resident's visit (a cadre with no slot for a door-knocking round), in words.
    public var warnings: [String]
    public var kpis: RosterKPIs

    public init(entries: [RosterEntry], unmet: [UnmetVisit], warnings: [String], kpis: RosterKPIs) {
        self.entries = entries
        self.unmet = unmet
        self.warnings = warnings
        self.kpis = kpis
    }

    /// Whether every due visit and every door-knocking round was placed (exit 0 rather than 1).
    public var isComplete: Bool { unmet.isEmpty && warnings.isEmpty }
}
