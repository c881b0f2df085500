import GridModel

/// A two-level plan for a street: one assignment per atom placed, and what could not be met.
public struct StreetDistrictingResult: Sendable, Hashable {
    /// One row per atom (whole building, stairwell unit or band of floors), sorted by building, unit and floors.
    public var assignments: [GridAssignment]
    /// Where, why and by how much the plan misses a hard rule (empty when every rule holds).
    public var deviations: [StreetDeviation]
    /// Warnings that do not break a rule (islands joined to their nearest neighbour, barriers splitting a community).
    public var warnings: [PlanWarning]
    /// Communities (and grids) drawn with more grids (micro-grids) than ⌈households / max⌉, and why.
    public var extraGrids: [ExtraGrids] = []
    /// Communities whose drawing was still running when the wall-clock deadline passed (their search was cut short:
    /// the plan is the best found by then, and may differ from run to run), sorted.
    public var clockCut: [CommunityID] = []
}
