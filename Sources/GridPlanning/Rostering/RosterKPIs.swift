/// The roster job's figures for kpis.json. Deterministic: no times, no machine facts.
public struct RosterKPIs: Sendable, Hashable, Codable {
    public var week: String
    public var dueVisits: Int
    public var metVisits: Int
    public var unmetVisits: Int
    public var doorKnockingRounds: Int
    public var missedDoorKnockingRounds: Int
    /// Pinned entries that could not stay (for instance, their visitor went on leave).
    public var pinnedChanged: Int

    public init(
        week: String, dueVisits: Int, metVisits: Int, unmetVisits: Int, doorKnockingRounds: Int,
        missedDoorKnockingRounds: Int, pinnedChanged: Int
    ) {
        self.week = week
        self.dueVisits = dueVisits
        self.metVisits = metVisits
        self.unmetVisits = unmetVisits
        self.doorKnockingRounds = doorKnockingRounds
        self.missedDoorKnockingRounds = missedDoorKnockingRounds
        self.pinnedChanged = pinnedChanged
    }
}
