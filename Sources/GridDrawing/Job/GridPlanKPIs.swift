import Districting
import GridModel
import GridRules

/// The figures of a street plan: counts, quality, stability against the current plan and per-community figures.
/// Deterministic: distances are rounded to 0.1 m, lists are sorted. ``report(findings:warnings:seed:ruleSet:)``
/// lays them out as kpis.json.
public struct GridPlanKPIs: Sendable, Hashable, Codable {
    /// Least, greatest and mean of a count over grids or micro-grids.
    public struct Spread: Sendable, Hashable, Codable {
        public var min: Int
        public var max: Int
        public var mean: Double
    }

    /// Households keeping their grid code against the current plan.
    public struct Stability: Sendable, Hashable, Codable {
        /// Households in buildings that both plans place (the smaller of the two counts per building).
        public var householdsCompared: Int
        /// Households whose building rows keep their grid code.
        public var householdsKept: Int
        /// `householdsCompared - householdsKept`.
        public var householdsMoved: Int
        /// `householdsKept / householdsCompared` (1 when nothing is compared).
        public var keptShare: Double
        /// Grid codes whose buildings or households differ between the plans.
        public var gridsChanged: Int
        /// The changed grid codes, sorted.
        public var changedGrids: [String]
        /// Communities holding a changed grid, sorted.
        public var communitiesChanged: [String]
    }

    /// What a re-draw did per community: kept the current plan verbatim, or drew it again and why.
    public struct Redraw: Sendable, Hashable, Codable {
        /// Communities whose current rows were kept exactly (codes included), sorted.
        public var keptVerbatim: [String]
        /// The communities drawn again, each with its reasons, sorted.
        public var redrawn: [CommunityRedraw]
    }

    /// One community's figures and the bounds it was drawn with.
    public struct CommunityFigures: Sendable, Hashable, Codable {
        public var communityID: CommunityID
        public var households: Int
        public var grids: Int
        public var microGrids: Int
        public var specialGrids: Int
        /// `[min, max]` households per grid used here (an overlay's where one applies).
        public var gridBounds: [Int]
        public var microGridBounds: [Int]
        /// The rule that set `gridBounds`.
        public var gridBoundsRule: String
        /// Where `gridBounds` was written (file:line:column).
        public var gridBoundsFrom: String
        /// Household-weighted mean distance to the grid centroid in this community, metres.
        public var meanDistanceToGridCentroidM: Double
        /// A lower bound on that mean over every plan with this community's grid count within its grid bounds
        /// (``GridPlanCertificate``), metres, rounded down to 0.1 m.
        public var meanDistanceLowerBoundM: Double
        /// (value − bound) / value, from the unrounded figures: the plan is at most this share above the best.
        public var meanDistanceGap: Double
        /// Where this community uses more grids (or a grid more micro-grids) than ⌈households / max⌉, and why.
        public var extraGrids: [ExtraGrids] = []
    }

    public var communities: Int
    public var buildings: Int
    public var households: Int
    /// Residential grids.
    public var grids: Int
    public var microGrids: Int
    /// Special grids (专属网格) of non-residential buildings.
    public var specialGrids: Int
    public var householdsPerGrid: Spread?
    public var householdsPerMicroGrid: Spread?
    /// Household-weighted mean straight-line distance from a building to its grid's household-weighted centroid.
    public var meanDistanceToGridCentroidM: Double
    /// A lower bound on that mean over every plan with the same grid count per community within the grid bounds:
    /// the communities' bounds in household-metres over the street's households, rounded down to 0.1 m.
    public var meanDistanceLowerBoundM: Double
    /// (value − bound) / value for the street, from the unrounded figures.
    public var meanDistanceGap: Double
    /// Largest straight-line distance from a residential building to its grid's centroid.
    public var maxDistanceToGridCentreM: Double
    /// Largest walking distance to the grid centre, taken as the Manhattan distance (a street-grid proxy).
    public var maxWalkingDistanceToGridCentreM: Double
    /// Compounds whose buildings lie in more than one grid.
    public var compoundsSplit: Int
    /// Of those, compounds that would fit in one grid (households at most the grid maximum).
    public var compoundsSplitThatFit: Int
    /// Buildings with rows in more than one grid (their polygon goes to the grid with most of their households).
    public var buildingsSplitAcrossGrids: Int
    /// Buildings with rows in more than one micro-grid.
    public var buildingsSplitAcrossMicroGrids: Int
    /// Stairwell units cut into bands of floors.
    public var unitsCutIntoFloorBands: Int
    /// Against the current plan; nil when there is none.
    public var stability: Stability?
    /// Communities kept verbatim and redrawn against the current plan; nil when there is none.
    public var redraw: Redraw?
    public var perCommunity: [CommunityFigures]
}
