import Foundation
import GridModel
import PlanningSupport

/// Two-level districting of a street: grids of 300–500 households per community, micro-grids of 30–50 inside each
/// grid, special grids for non-residential buildings.
///
/// Communities are independent: each is solved on its own (in parallel, one solver state per thread). Within a
/// community, compounds that fit in one grid are contracted into one node, so they are never split; the fewest grids
/// the bounds allow are drawn by spanning-tree construction and contiguity-keeping local search on household-weighted
/// inertia (plus a stability term against the current plan); if the contracted graph leaves no valid plan, the
/// buildings are districted one by one. Micro-grids are then drawn inside each grid on atoms: whole buildings when
/// they fit in a micro-grid, else stairwell units, and bands of whole floors for a unit above the micro maximum.
/// Grid codes follow the current plan where a new grid keeps most of a current grid's households, else run
/// west→east in rows north→south.
public struct StreetDistricting: Sendable {
    /// The numbers that steer the drawing.
    public var parameters: StreetDistrictingParameters

    /// A drawer with `parameters`.
    public init(parameters: StreetDistrictingParameters = StreetDistrictingParameters()) {
        self.parameters = parameters
    }

    /// The plan for `street`: never nothing; missed rules are listed in the result's deviations.
    ///
    /// - Complexity: O(n log n) for the adjacency, then per community the local search (roughly linear in its size
    ///   times a fixed number of steps per grid).
    /// - Parameter deadline: a wall-clock safety net: the search is fixed by counts, so the deadline fires only on
    ///   rule values or streets far beyond the counts' design; then each community keeps the best plan found so far
    ///   and the result names it in `clockCut`.
    public func draw(_ street: Street, deadline: Deadline? = nil) -> StreetDistrictingResult {
        let buildings = street.buildings.sorted { $0.id < $1.id }
        let pairs: [IndexPair]
        var warnings: [PlanWarning] = []
        if let given = street.adjacency {
            let mapped = AdjacencyBuilder.pairs(given: given, ids: buildings.map(\.id))
            pairs = mapped.pairs
            if !mapped.unknown.isEmpty {
                warnings.append(PlanWarning(
                    location: FindingLocation(other: "adjacency.csv"),
                    message: Message.text("planning.warning.unknown_pairs", ["count": "\(mapped.unknown.count)"])))
            }
        } else {
            pairs = parameters.adjacency.pairs(positions: buildings.map(\.position), barriers: street.barriers)
        }
        var neighbours = Array(repeating: [Int](), count: buildings.count)
        for pair in pairs where buildings[pair.first].communityID == buildings[pair.second].communityID {
            neighbours[pair.first].append(pair.second)
            neighbours[pair.second].append(pair.first)
        }
        var current: [BuildingID: GridID] = [:]
        if let plan = street.currentPlan {
            var tally: [BuildingID: [GridID: Int]] = [:]
            for row in plan {
                tally[row.buildingID, default: [:]][row.gridID, default: 0] += max(row.households, 1)
            }
            for (building, counts) in tally {
                current[building] = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
            }
        }
        var unitsByBuilding: [BuildingID: [StairwellUnit]] = [:]
        for unit in street.units {
            unitsByBuilding[unit.buildingID, default: []].append(unit)
        }
        let communities = Array(Set(buildings.map(\.communityID))).sorted()
        let context = CommunityContext(
            buildings: buildings, neighbours: neighbours, units: unitsByBuilding, current: current,
            parameters: parameters, deadline: deadline
        )
        let outcomes = parallelMap(count: communities.count, threads: parameters.threads) { index in
            let members = buildings.indices.filter { buildings[$0].communityID == communities[index] }
            return CommunityDistricter(context: context, community: communities[index], members: members).run()
        }
        var assignments: [GridAssignment] = []
        var deviations: [StreetDeviation] = []
        var extraGrids: [ExtraGrids] = []
        var clockCut: [CommunityID] = []
        for (index, outcome) in outcomes.enumerated() {
            if outcome.clockCut { clockCut.append(communities[index]) }
            assignments += outcome.assignments
            deviations += outcome.deviations
            warnings += outcome.warnings
            extraGrids += outcome.extraGrids
        }
        assignments.sort {
            if $0.buildingID != $1.buildingID { return $0.buildingID < $1.buildingID }
            if ($0.unit ?? "") != ($1.unit ?? "") { return ($0.unit ?? "") < ($1.unit ?? "") }
            return ($0.floors?.lowest ?? 0) < ($1.floors?.lowest ?? 0)
        }
        return StreetDistrictingResult(assignments: assignments, deviations: deviations, warnings: warnings,
                                       extraGrids: extraGrids, clockCut: clockCut)
    }
}

/// What every community's drawing reads (shared, immutable).
struct CommunityContext: Sendable {
    let buildings: [Building]
    let neighbours: [[Int]]
    let units: [BuildingID: [StairwellUnit]]
    let current: [BuildingID: GridID]
    let parameters: StreetDistrictingParameters
    /// The wall-clock safety net (nil: none).
    let deadline: Deadline?

    /// Whether the safety net has fired.
    var deadlinePassed: Bool { deadline?.passed ?? false }
}

/// The plan of one community.
struct CommunityOutcome: Sendable {
    var assignments: [GridAssignment]
    var deviations: [StreetDeviation]
    var warnings: [PlanWarning]
    var extraGrids: [ExtraGrids] = []
    /// Whether the deadline passed while the community was drawn.
    var clockCut = false
}
