import Foundation
import GridModel
import GridRules

/// The grid job (`wangge grids draw`): reads its numbers from the rules, per community, and draws the street's
/// two-level plan with ``StreetDistricting``; planner locks are then kept and every rule missed is stated.
///
/// Communities that share one set of numbers are drawn together (in parallel inside the core); a community that an
/// overlay gives other bounds is drawn with its own. Neighbours are derived once for the whole street, as the spec
/// says, and handed to every group, so that drawing a group apart never adds an edge the whole street lacks.
public struct GridJob: Sendable {
    /// Compactness is in m² per household; a stability weight of 1 (relative to compactness 1) is worth this many m²
    /// per household that leaves its grid. With the default rules (stability 5, compactness 1) it gives the core's
    /// tuned 2,000 m².
    public static let squareMetresPerStabilityUnit = 400.0

    /// The rules.
    public var ruleSet: RuleSet
    /// The seed of every random choice.
    public var seed: UInt64
    /// Communities drawn at once.
    public var threads: Int

    /// A job with the given rules and seed.
    public init(ruleSet: RuleSet, seed: UInt64 = 1, threads: Int = 2) {
        self.ruleSet = ruleSet
        self.seed = seed
        self.threads = threads
    }

    /// The core's parameters in `community`, from `ruleSet.grid(for: community)`.
    public func parameters(for community: CommunityID) -> StreetDistrictingParameters {
        Self.parameters(ruleSet.grid(for: community), seed: seed, threads: threads)
    }

    /// The core's parameters for grid rules.
    public static func parameters(_ rules: GridRules, seed: UInt64, threads: Int) -> StreetDistrictingParameters {
        let grid = rules.householdsPerGrid.value
        let micro = rules.householdsPerMicroGrid.value
        let compactness = rules.weight(of: "compactness")
        let stability = rules.weight(of: "stability")
        let ratio = compactness > 0 ? stability / compactness : stability
        return StreetDistrictingParameters(
            gridBounds: DistrictingBounds(min: grid.lowerBound, max: grid.upperBound),
            microBounds: DistrictingBounds(min: micro.lowerBound, max: micro.upperBound),
            adjacency: AdjacencyBuilder(
                delaunayMaxLength: rules.delaunayMaxMetres.value, closeRadius: rules.nearPairBelowMetres.value),
            stabilityWeight: ratio * squareMetresPerStabilityUnit, seed: seed, threads: max(1, threads),
            specialGridKinds: Set(rules.specialGridKinds.value),
            microGridCompoundTypes: rules.microGridCompoundTypes.value.map { Set($0) }
        )
    }

    /// The plan of `street`: never nothing; rules missed are in the result's deviations.
    ///
    /// - Complexity: the core's, once per group of communities sharing parameters; O(n log n) adjacency per distinct
    ///   adjacency rule.
    public func run(_ street: Street) -> GridJobResult {
        let buildings = street.buildings.sorted { $0.id < $1.id }
        let communities = Array(Set(buildings.map(\.communityID))).sorted()
        var groups: [StreetDistrictingParameters: [CommunityID]] = [:]
        var barrierRule: [StreetDistrictingParameters: Bool] = [:]
        for community in communities {
            let rules = ruleSet.grid(for: community)
            let parameters = Self.parameters(rules, seed: seed, threads: threads)
            groups[parameters, default: []].append(community)
            barrierRule[parameters] = rules.barriersCutEdges.value
        }
        let ordered = groups.sorted { ($0.value.first ?? "") < ($1.value.first ?? "") }
        var adjacencyCache: [String: [BuildingPair]] = [:]
        let community = Dictionary(uniqueKeysWithValues: buildings.map { ($0.id, $0.communityID) })
        var assignments: [GridAssignment] = []
        var deviations: [GridJobDeviation] = []
        var warnings: [String] = []
        var extraGrids: [ExtraGrids] = []
        for (parameters, members) in ordered {
            let cutByBarriers = barrierRule[parameters] ?? true
            var part = ordered.count == 1 ? street : Self.substreet(street, communities: Set(members))
            if street.adjacency == nil {
                let adjacency = parameters.adjacency
                let key = "\(adjacency.delaunayMaxLength)/\(adjacency.closeRadius)/\(cutByBarriers)"
                let pairs = adjacencyCache[key] ?? Self.derivedPairs(
                    buildings, builder: parameters.adjacency, barriers: cutByBarriers ? street.barriers : [])
                adjacencyCache[key] = pairs
                let inside = Set(members)
                part.adjacency = ordered.count == 1 ? pairs : pairs.filter { pair in
                    community[pair.first].map(inside.contains) ?? false
                        && community[pair.second].map(inside.contains) ?? false
                }
            }
            let result = StreetDistricting(parameters: parameters).draw(part)
            assignments += result.assignments
            warnings += result.warnings
            extraGrids += result.extraGrids
            for deviation in result.deviations {
                deviations.append(GridJobDeviation(deviation, rules: ruleSet.grid(for: deviation.communityID)))
            }
        }
        assignments.sort(by: GridJobResult.rowOrder)
        let locks = LockKeeper(locks: street.locks, buildings: buildings)
        deviations += locks.apply(to: &assignments)
        deviations.sort { ($0.communityID, $0.place, $0.ruleID) < ($1.communityID, $1.place, $1.ruleID) }
        var bounds: [CommunityID: GridJobResult.CommunityBounds] = [:]
        for community in communities {
            let rules = ruleSet.grid(for: community)
            bounds[community] = GridJobResult.CommunityBounds(
                grid: rules.householdsPerGrid.value, microGrid: rules.householdsPerMicroGrid.value,
                ruleID: rules.householdsPerGrid.ruleID.rawValue,
                microRuleID: rules.householdsPerMicroGrid.ruleID.rawValue,
                source: rules.householdsPerGrid.location.description
            )
        }
        extraGrids.sort { ($0.communityID, $0.place) < ($1.communityID, $1.place) }
        return GridJobResult(assignments: assignments, deviations: deviations, warnings: warnings, bounds: bounds,
                             extraGrids: extraGrids)
    }

    /// The street's neighbour pairs derived from positions with `builder`, as building pairs.
    static func derivedPairs(_ buildings: [Building], builder: AdjacencyBuilder, barriers: [Segment])
        -> [BuildingPair]
    {
        builder.pairs(positions: buildings.map(\.position), barriers: barriers).map {
            BuildingPair(buildings[$0.first].id, buildings[$0.second].id)
        }
    }

    /// The part of `street` in `communities` (buildings, units, current plan).
    static func substreet(_ street: Street, communities: Set<CommunityID>) -> Street {
        var part = street
        part.buildings = street.buildings.filter { communities.contains($0.communityID) }
        let ids = Set(part.buildings.map(\.id))
        part.units = street.units.filter { ids.contains($0.buildingID) }
        part.communities = street.communities.filter { communities.contains($0.id) }
        part.currentPlan = street.currentPlan?.filter { ids.contains($0.buildingID) }
        part.adjacency = street.adjacency?.filter { ids.contains($0.first) && ids.contains($0.second) }
        part.people = []
        part.residents = []
        part.visits = []
        part.requests = []
        return part
    }
}
