import Districting
import GridModel
import PlanningSupport

/// The quality certificate of a plan: per community, a lower bound on Σ households × distance to the grid's
/// household-weighted centroid (kpis `mean_distance_to_grid_centroid_m` × households) over every partition of the
/// community's residential households into as many grids as the plan draws there, within the grid bounds.
///
/// The bound is ``PartitionCostBound``'s (free centres over cells, split buildings allowed, contiguity and compounds
/// dropped), so value − bound is at most how far the plan is from the best plan with its grid counts. The bounds are
/// the rule's widened to the plan's own smallest and largest grid, so that the bound holds for the plan itself even
/// where it misses the rule.
struct GridPlanCertificate: Sendable {
    /// One community's residential households in the plan's residential grids.
    struct Community: Sendable {
        /// Building positions, one per building (a building split across grids is one point).
        var positions: [PlanarPoint] = []
        /// Households of each building in those grids.
        var households: [Double] = []
        /// The plan's grid centroids (the search starts from their distances).
        var centroids: [PlanarPoint] = []
        /// Households of each of the plan's grids.
        var gridHouseholds: [Int] = []
        /// The rule's households per grid.
        var gridBounds: ClosedRange<Int>
        /// The plan's Σ households × distance to the grid centroid.
        var value: Double = 0
    }

    var communities: [Community]

    /// Plans of more communities than this (more than a few streets) get the light effort: a city's certificate
    /// then costs less than its drawing.
    static let standardEffortCommunities = 40

    /// Household-metres every partition of each community with the plan's grid count costs at least, in order.
    ///
    /// - Complexity: ``PartitionCostBound/solve(target:startingCentres:)`` per community, `threads` at once.
    func bounds(threads: Int) -> [Double] {
        let communities = self.communities
        let effort: PartitionCostBound.Effort =
            communities.count > Self.standardEffortCommunities ? .light : .standard
        @Sendable func bound(of index: Int) -> Double {
            let community = communities[index]
            guard let smallest = community.gridHouseholds.min(), let largest = community.gridHouseholds.max()
            else { return 0 }
            let low = Swift.min(community.gridBounds.lowerBound, smallest)
            let high = Swift.max(community.gridBounds.upperBound, largest)
            let problem = PartitionCostBound(
                points: community.positions, weights: community.households, parts: community.gridHouseholds.count,
                weightBounds: Double(low)...Double(high), power: .distance, effort: effort)
            return problem.solve(target: community.value, startingCentres: community.centroids).bound
        }
        return parallelMap(count: communities.count, threads: threads, bound(of:))
    }
}
