import Districting
import GridModel

/// A street's plan from the grid job: the rows of grids.csv, the rules missed, warnings, and the bounds used.
public struct GridJobResult: Sendable, Hashable {
    /// The household bounds a community was drawn with (overlays applied).
    public struct CommunityBounds: Sendable, Hashable, Codable {
        /// Households per grid.
        public var grid: ClosedRange<Int>
        /// Households per micro-grid.
        public var microGrid: ClosedRange<Int>
        /// The rule that set the grid bounds.
        public var ruleID: String
        /// The rule that set the micro-grid bounds.
        public var microRuleID: String
        /// Where the grid bounds were written (file:line:column; an overlay's when one applies).
        public var source: String
    }

    /// One row per atom, in ``rowOrder``.
    public var assignments: [GridAssignment]
    /// Rules missed (empty when every hard rule holds), sorted by community, place and rule.
    public var findings: [Finding]
    /// Warnings that break no rule (islands joined, barriers splitting a community), in community order.
    public var warnings: [PlanWarning]
    /// The bounds of every community.
    public var bounds: [CommunityID: CommunityBounds]
    /// Per community, sorted: whether the current plan was kept verbatim, and why not; empty without one.
    public var redraw: [CommunityRedraw] = []
    /// Communities and grids drawn with more grids (micro-grids) than ⌈households / max⌉, and why.
    public var extraGrids: [ExtraGrids] = []
    /// Communities whose drawing the wall-clock safety net cut short (recorded in run.json, never in kpis.json).
    public var clockCut: [CommunityID] = []

    /// The order of grids.csv rows: building, then unit, then floors (deterministic).
    public static func rowOrder(_ a: GridAssignment, _ b: GridAssignment) -> Bool {
        if a.buildingID != b.buildingID { return a.buildingID < b.buildingID }
        let ua = a.unit ?? "", ub = b.unit ?? ""
        if ua != ub {
            // Shorter names first, so that unit 2 sorts before unit 10.
            if ua.count != ub.count { return ua.count < ub.count }
            return ua.unicodeScalars.lexicographicallyPrecedes(ub.unicodeScalars)
        }
        return (a.floors?.lowest ?? 0) < (b.floors?.lowest ?? 0)
    }
}
