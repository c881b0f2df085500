import GridModel

extension GridPlanKPIs {
    /// The structured figures of kpis.json's `details`.
    public struct Details: Encodable, Sendable {
        public var householdsPerGrid: Spread?
        public var householdsPerMicroGrid: Spread?
        public var stability: Stability?
        public var redraw: Redraw?
        public var perCommunity: [CommunityFigures]
    }

    /// kpis.json of the grid job: the counts and measures as flat maps, the rest in `details`.
    public func report(
        findings: [Finding], warnings: [PlanWarning], seed: UInt64, ruleSet: RuleSetIdentity
    ) -> JobReport<Details> {
        var counts = [
            "communities": communities, "buildings": buildings, "households": households, "grids": grids,
            "micro_grids": microGrids, "special_grids": specialGrids, "compounds_split": compoundsSplit,
            "compounds_split_that_fit": compoundsSplitThatFit, "buildings_split_across_grids": buildingsSplitAcrossGrids,
            "buildings_split_across_micro_grids": buildingsSplitAcrossMicroGrids,
            "units_cut_into_floor_bands": unitsCutIntoFloorBands,
            "extra_grids": perCommunity.reduce(0) { $0 + $1.extraGrids.count },
        ]
        var quality = [
            "mean_distance_to_grid_centroid_m": meanDistanceToGridCentroidM,
            "mean_distance_lower_bound_m": meanDistanceLowerBoundM,
            "mean_distance_gap": meanDistanceGap,
            "max_distance_to_grid_centre_m": maxDistanceToGridCentreM,
            "max_walking_distance_to_grid_centre_m": maxWalkingDistanceToGridCentreM,
        ]
        if let stability {
            counts["households_moved"] = stability.householdsMoved
            counts["grids_changed"] = stability.gridsChanged
            quality["households_kept_share"] = stability.keptShare
        }
        return JobReport(
            job: .grids, ruleSet: ruleSet, seed: seed, counts: counts, quality: quality, findings: findings,
            warnings: warnings,
            details: Details(
                householdsPerGrid: householdsPerGrid, householdsPerMicroGrid: householdsPerMicroGrid,
                stability: stability, redraw: redraw, perCommunity: perCommunity))
    }
}
