import GridModel

/// More grids (or micro-grids) than ⌈households / max⌉ in a community or grid, and why: every grid costs a
/// full-time grid worker, so the plan says where it uses more than the fewest.
public struct ExtraGrids: Sendable, Hashable, Codable {
    /// Why the plan uses more than ⌈households / max⌉.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// Barriers cut the community into pieces that are drawn apart (no grid may cross a barrier); the pieces'
        /// own fewest counts add up to more.
        case barrierPieces = "barrier_pieces"
        /// Whole buildings cannot fill the fewest grids: no set of them comes close enough to the grid maximum
        /// (a subset-sum bound, proven).
        case wholeBuildings = "whole_buildings"
        /// The search found no valid plan with fewer; not proven impossible.
        case noPlanFound = "no_plan_found"
        /// Micro-grids: no packing of the grid's buildings, units and floors into fewer connected micro-grids
        /// within the bounds was found.
        case microGridPacking = "micro_grid_packing"
    }

    /// Grids of a community, or micro-grids of a grid.
    public enum Level: String, Sendable, Hashable, Codable {
        case grid
        case microGrid = "micro_grid"
    }

    /// The community concerned.
    public var communityID: CommunityID
    /// Grids or micro-grids.
    public var level: Level
    /// The community (grid level) or the grid (micro level).
    public var place: String
    /// Grids (micro-grids) used.
    public var count: Int
    /// ⌈households / max⌉.
    public var fewest: Int
    /// A proven lower bound on the count (the pieces' and whole buildings' bound), when one is known.
    public var lowerBound: Int?
    /// Why.
    public var reason: Reason
    /// Whether fewer is proven impossible (a bound or an exact check); false when fewer was only not found.
    public var proven: Bool?
    /// A sentence for people.
    public var message: String
}
