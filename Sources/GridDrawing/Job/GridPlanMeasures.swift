import GridModel
import GridRules

/// Computes ``GridPlanKPIs`` from a street, a plan and (optionally) the current plan.
public enum GridPlanMeasures {
    /// The figures of `result` on `street`, with the quality certificate of every community computed on `threads`
    /// threads.
    ///
    /// - Complexity: O(n log n) in the rows of both plans, plus ``GridPlanCertificate`` per community.
    public static func measure(
        street: Street, result: GridJobResult, current: [GridAssignment]?, ruleSet: RuleSet, threads: Int = 1
    ) -> GridPlanKPIs {
        let byID = Dictionary(uniqueKeysWithValues: street.buildings.map { ($0.id, $0) })
        let rows = result.assignments
        var gridHouseholds: [GridID: Int] = [:]
        var microHouseholds: [MicroGridID: Int] = [:]
        var special = Set<GridID>()
        var sumX: [GridID: Double] = [:], sumY: [GridID: Double] = [:]
        var gridsOfBuilding: [BuildingID: Set<GridID>] = [:]
        var microsOfBuilding: [BuildingID: Set<MicroGridID>] = [:]
        var gridsOfCompound: [CompoundID: Set<GridID>] = [:]
        var compoundHouseholds: [CompoundID: Int] = [:]
        var gridCommunity: [GridID: CommunityID] = [:]
        var bands = Set<String>()
        for row in rows {
            guard let building = byID[row.buildingID] else { continue }
            gridCommunity[row.gridID] = row.communityID
            gridsOfBuilding[row.buildingID, default: []].insert(row.gridID)
            if let micro = row.microGridID { microsOfBuilding[row.buildingID, default: []].insert(micro) }
            if row.floors != nil { bands.insert("\(row.buildingID)/\(row.unit ?? "")") }
            // The spec puts every non-residential building in a special grid; the rules may add kinds.
            if !row.kind.isResidential || ruleSet.grid(for: row.communityID).specialGridKinds.value.contains(row.kind) {
                special.insert(row.gridID)
                continue
            }
            gridHouseholds[row.gridID, default: 0] += row.households
            if let micro = row.microGridID { microHouseholds[micro, default: 0] += row.households }
            sumX[row.gridID, default: 0] += Double(row.households) * building.position.x
            sumY[row.gridID, default: 0] += Double(row.households) * building.position.y
            if let compound = building.compoundID {
                gridsOfCompound[compound, default: []].insert(row.gridID)
            }
        }
        var compoundCommunity: [CompoundID: CommunityID] = [:]
        for building in street.buildings {
            if let compound = building.compoundID, building.kind.isResidential {
                compoundHouseholds[compound, default: 0] += building.households
                compoundCommunity[compound] = building.communityID
            }
        }
        var centroid: [GridID: PlanarPoint] = [:]
        for (grid, households) in gridHouseholds where households > 0 {
            let h = Double(households)
            centroid[grid] = PlanarPoint(x: (sumX[grid] ?? 0) / h, y: (sumY[grid] ?? 0) / h)
        }
        var weighted = 0.0, total = 0
        var maxStraight = 0.0, maxWalking = 0.0
        var communityWeighted: [CommunityID: Double] = [:], communityTotal: [CommunityID: Int] = [:]
        // Per community, the households of each building and grid that the measure counts (the certificate's input).
        var measuredBuildings: [CommunityID: [BuildingID: Int]] = [:]
        var measuredGrids: [CommunityID: [GridID: Int]] = [:]
        for row in rows where row.kind.isResidential && row.households > 0 {
            guard let building = byID[row.buildingID], let centre = centroid[row.gridID] else { continue }
            let distance = building.position.distance(to: centre)
            weighted += Double(row.households) * distance
            total += row.households
            communityWeighted[row.communityID, default: 0] += Double(row.households) * distance
            communityTotal[row.communityID, default: 0] += row.households
            measuredBuildings[row.communityID, default: [:]][row.buildingID, default: 0] += row.households
            measuredGrids[row.communityID, default: [:]][row.gridID, default: 0] += row.households
            maxStraight = max(maxStraight, distance)
            maxWalking = max(maxWalking, abs(building.position.x - centre.x) + abs(building.position.y - centre.y))
        }
        var splitFit = 0
        var split = 0
        for (compound, grids) in gridsOfCompound where grids.count > 1 {
            split += 1
            let limit = compoundCommunity[compound].flatMap { result.bounds[$0]?.grid.upperBound } ?? Int.max
            if (compoundHouseholds[compound] ?? 0) <= limit { splitFit += 1 }
        }
        let certified = result.bounds.sorted(by: { $0.key < $1.key })
        let certificate = GridPlanCertificate(communities: certified.map { community, bounds in
            let buildings = (measuredBuildings[community] ?? [:]).sorted { $0.key < $1.key }
            let grids = (measuredGrids[community] ?? [:]).sorted { $0.key < $1.key }
            return GridPlanCertificate.Community(
                positions: buildings.compactMap { byID[$0.key]?.position },
                households: buildings.map { Double($0.value) },
                centroids: grids.compactMap { centroid[$0.key] }, gridHouseholds: grids.map(\.value),
                gridBounds: bounds.grid, value: communityWeighted[community] ?? 0)
        })
        let lowerBounds = certificate.bounds(threads: threads)
        var perCommunity: [GridPlanKPIs.CommunityFigures] = []
        for (index, (community, bounds)) in certified.enumerated() {
            let grids = gridHouseholds.keys.filter { gridCommunity[$0] == community }
            let micros = Set(rows.filter { $0.communityID == community && $0.kind.isResidential }
                .compactMap(\.microGridID))
            let households = communityTotal[community] ?? 0
            perCommunity.append(GridPlanKPIs.CommunityFigures(
                communityID: community, households: households, grids: grids.count, microGrids: micros.count,
                specialGrids: special.filter { gridCommunity[$0] == community }.count,
                gridBounds: [bounds.grid.lowerBound, bounds.grid.upperBound],
                microGridBounds: [bounds.microGrid.lowerBound, bounds.microGrid.upperBound],
                gridBoundsRule: bounds.ruleID, gridBoundsFrom: bounds.source,
                meanDistanceToGridCentroidM: rounded(households > 0
                    ? (communityWeighted[community] ?? 0) / Double(households) : 0),
                meanDistanceLowerBoundM: roundedDown(households > 0 ? lowerBounds[index] / Double(households) : 0),
                meanDistanceGap: gap(value: communityWeighted[community] ?? 0, bound: lowerBounds[index]),
                extraGrids: result.extraGrids.filter { $0.communityID == community }
            ))
        }
        return GridPlanKPIs(
            communities: result.bounds.count, buildings: street.buildings.count, households: street.households,
            grids: gridHouseholds.count, microGrids: microHouseholds.count, specialGrids: special.count,
            householdsPerGrid: spread(Array(gridHouseholds.values)),
            householdsPerMicroGrid: spread(Array(microHouseholds.values)),
            meanDistanceToGridCentroidM: rounded(total > 0 ? weighted / Double(total) : 0),
            meanDistanceLowerBoundM: roundedDown(total > 0 ? lowerBounds.reduce(0, +) / Double(total) : 0),
            meanDistanceGap: gap(value: weighted, bound: lowerBounds.reduce(0, +)),
            maxDistanceToGridCentreM: rounded(maxStraight), maxWalkingDistanceToGridCentreM: rounded(maxWalking),
            compoundsSplit: split, compoundsSplitThatFit: splitFit,
            buildingsSplitAcrossGrids: gridsOfBuilding.values.filter { $0.count > 1 }.count,
            buildingsSplitAcrossMicroGrids: microsOfBuilding.values.filter { $0.count > 1 }.count,
            unitsCutIntoFloorBands: bands.count,
            stability: current.map { stability(current: $0, new: rows) },
            redraw: result.redraw.isEmpty ? nil : GridPlanKPIs.Redraw(
                keptVerbatim: result.redraw.filter(\.keptVerbatim).map(\.communityID.rawValue),
                redrawn: result.redraw.filter { !$0.keptVerbatim }),
            perCommunity: perCommunity
        )
    }

    /// Households kept and moved, and grids changed, between two plans.
    public static func stability(current: [GridAssignment], new: [GridAssignment]) -> GridPlanKPIs.Stability {
        func tally(_ rows: [GridAssignment]) -> [BuildingID: [GridID: Int]] {
            var result: [BuildingID: [GridID: Int]] = [:]
            for row in rows { result[row.buildingID, default: [:]][row.gridID, default: 0] += row.households }
            return result
        }
        let before = tally(current), after = tally(new)
        var compared = 0, kept = 0
        for (building, old) in before {
            guard let now = after[building] else { continue }
            compared += min(old.values.reduce(0, +), now.values.reduce(0, +))
            for (grid, households) in old { kept += min(households, now[grid] ?? 0) }
        }
        func members(_ rows: [GridAssignment]) -> [GridID: [String: Int]] {
            var result: [GridID: [String: Int]] = [:]
            for row in rows { result[row.gridID, default: [:]][row.buildingID.rawValue, default: 0] += row.households }
            return result
        }
        let oldGrids = members(current), newGrids = members(new)
        var community: [GridID: CommunityID] = [:]
        for row in current + new { community[row.gridID] = row.communityID }
        let changed = Set(oldGrids.keys).union(newGrids.keys).filter { oldGrids[$0] != newGrids[$0] }
            .sorted()
        return GridPlanKPIs.Stability(
            householdsCompared: compared, householdsKept: kept, householdsMoved: compared - kept,
            keptShare: compared > 0 ? (Double(kept) / Double(compared) * 10_000).rounded() / 10_000 : 1,
            gridsChanged: changed.count, changedGrids: changed.map(\.rawValue),
            communitiesChanged: Set(changed.compactMap { community[$0]?.rawValue }).sorted()
        )
    }

    static func spread(_ values: [Int]) -> GridPlanKPIs.Spread? {
        guard let low = values.min(), let high = values.max() else { return nil }
        let mean = Double(values.reduce(0, +)) / Double(values.count)
        return GridPlanKPIs.Spread(min: low, max: high, mean: (mean * 10).rounded() / 10)
    }

    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// Rounded down to 0.1, so that a rounded lower bound is still a lower bound.
    static func roundedDown(_ value: Double) -> Double { (value * 10).rounded(.down) / 10 }

    /// (value − bound) / value to four places (0 when the value is 0: nothing to improve).
    static func gap(value: Double, bound: Double) -> Double {
        value > 0 ? ((value - bound) / value * 10_000).rounded() / 10_000 : 0
    }
}
