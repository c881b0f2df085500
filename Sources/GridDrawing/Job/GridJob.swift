import Districting
import Foundation
import GridModel
import GridRules
import PlanningSupport

/// The grid job (`wangge grids draw`): reads its numbers from the rules, per community, and draws the street's
/// two-level plan with ``StreetDistricting``; planner locks are then kept and every rule missed is stated.
///
/// Communities that share one set of numbers are drawn together (in parallel inside the core); a community that an
/// overlay gives other bounds is drawn with its own. Neighbours are derived once for the whole street, as the spec
/// says, and handed to every group, so that drawing a group apart never adds an edge the whole street lacks.
public struct GridJob: Sendable {
    /// Compactness is in m² per household; a stability weight of 1 (relative to compactness 1) is worth this many m²
    /// per household that leaves its grid. With the default rules (stability 5, compactness 1) it gives the core's
    /// tuned 2,000 m². A unit, not a planner's choice: a planner changes `grid.stability`'s weight.
    public static let squareMetresPerStabilityUnit = 400.0
    /// Household-metres of the grid level's compactness search that one unit of `grid.compound_whole`'s weight (per
    /// unit of compactness weight) is worth: the default weights 20 and 1 price a split compound at 2,000, where the
    /// measured plans stay within 1.05 × the p-median bound (Benchmarks/scripts/grids_baseline.md). A unit, not a
    /// planner's choice: a planner changes `grid.compound_whole`'s weight.
    public static let householdMetresPerCompoundUnit = 100.0

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
    public static func parameters(
        _ rules: GridDrawingRules, seed: UInt64, threads: Int
    ) -> StreetDistrictingParameters {
        let grid = rules.householdsPerGrid.value
        let micro = rules.householdsPerMicroGrid.value
        let compactness = rules.weight(of: "compactness")
        let stability = rules.weight(of: "stability")
        let ratio = compactness > 0 ? stability / compactness : stability
        let compoundSplitCost: Double
        switch rules.keepWhole(.compound)?.kind {
        case .hard?: compoundSplitCost = .infinity
        case .soft(let weight)?:
            compoundSplitCost = (compactness > 0 ? weight / compactness : weight) * householdMetresPerCompoundUnit
        case nil: compoundSplitCost = 0
        }
        return StreetDistrictingParameters(
            gridBounds: DistrictingBounds(min: grid.lowerBound, max: grid.upperBound),
            microBounds: DistrictingBounds(min: micro.lowerBound, max: micro.upperBound),
            adjacency: AdjacencyBuilder(
                delaunayMaxLength: rules.delaunayMaxMetres.value, closeRadius: rules.nearPairBelowMetres.value),
            stabilityWeight: ratio * squareMetresPerStabilityUnit, seed: seed, threads: max(1, threads),
            compoundSplitCost: compoundSplitCost, specialGridKinds: Set(rules.specialGridKinds.value),
            microGridCompoundTypes: rules.microGridCompoundTypes.value.map { Set($0) },
            specialSites: SpecialSiteRule(rules.specialGridSites)
        )
    }

    /// The plan of `street`: never nothing; rules missed are in the result's deviations.
    ///
    /// With a current plan, a community whose buildings, units and floors are unchanged and whose current rows meet
    /// every hard rule under these rules keeps those rows verbatim (codes included); the others are drawn again
    /// with the current plan as the stability reference, and their micro-grid and special grid codes follow the
    /// current plan where they keep most of its households (``PlanCodeKeeper``).
    ///
    /// - Complexity: the core's, once per group of communities sharing parameters; O(n log n) adjacency per distinct
    ///   adjacency rule.
    ///
    /// - Parameter deadline: the wall-clock safety net of the drawing (see ``StreetDistricting/draw(_:deadline:)``);
    ///   communities it cut short are named in the result's `clockCut`.
    public func run(_ street: Street, deadline: Deadline? = nil) -> GridJobResult {
        var clockCut: [CommunityID] = []
        let buildings = street.buildings.sorted { $0.id < $1.id }
        let communities = Array(Set(buildings.map(\.communityID))).sorted()
        var groups: [StreetDistrictingParameters: [CommunityID]] = [:]
        var barrierRule: [StreetDistrictingParameters: Bool] = [:]
        var parametersOf: [CommunityID: StreetDistrictingParameters] = [:]
        for community in communities {
            let rules = ruleSet.grid(for: community)
            let parameters = Self.parameters(rules, seed: seed, threads: threads)
            groups[parameters, default: []].append(community)
            barrierRule[parameters] = rules.barriersCutEdges.value
            parametersOf[community] = parameters
        }
        let ordered = groups.sorted { ($0.value.first ?? "") < ($1.value.first ?? "") }
        var adjacencyCache: [String: [BuildingPair]] = [:]
        func derived(_ parameters: StreetDistrictingParameters) -> [BuildingPair] {
            let adjacency = parameters.adjacency
            let cutByBarriers = barrierRule[parameters] ?? true
            let key = "\(adjacency.delaunayMaxLength)/\(adjacency.closeRadius)/\(cutByBarriers)"
            if let known = adjacencyCache[key] { return known }
            let pairs = Self.derivedPairs(
                buildings, builder: adjacency, barriers: cutByBarriers ? street.barriers : [])
            adjacencyCache[key] = pairs
            return pairs
        }
        let community = Dictionary(uniqueKeysWithValues: buildings.map { ($0.id, $0.communityID) })
        var assignments: [GridAssignment] = []
        var findings: [Finding] = []
        var warnings: [PlanWarning] = []
        var redraw: [CommunityRedraw] = []
        var toDraw = Set(communities)
        if let current = street.currentPlan {
            // Each pair set split once by community (pairs across communities join nothing).
            var split: [String: [CommunityID: [BuildingPair]]] = [:]
            func pairs(of member: CommunityID) -> [BuildingPair] {
                let parameters = parametersOf[member]
                let key = street.adjacency != nil ? "given" : parameters.map {
                    "\($0.adjacency.delaunayMaxLength)/\($0.adjacency.closeRadius)/\(barrierRule[$0] ?? true)"
                } ?? ""
                if split[key] == nil {
                    var byCommunity: [CommunityID: [BuildingPair]] = [:]
                    for pair in street.adjacency ?? parameters.map(derived) ?? [] {
                        guard let a = community[pair.first], a == community[pair.second] else { continue }
                        byCommunity[a, default: []].append(pair)
                    }
                    split[key] = byCommunity
                }
                return split[key]?[member] ?? []
            }
            let kept = keptCommunities(
                street, buildings: buildings, communities: communities, current: current, pairs: pairs(of:))
            redraw = kept.decisions
            assignments += kept.rows
            warnings += kept.warnings
            toDraw.subtract(kept.decisions.filter(\.keptVerbatim).map(\.communityID))
        }
        var drawn: [GridAssignment] = []
        var extraGrids: [ExtraGrids] = []
        for (parameters, all) in ordered {
            let members = all.filter(toDraw.contains)
            guard !members.isEmpty else { continue }
            let whole = ordered.count == 1 && members.count == all.count
            var part = whole ? street : Self.substreet(street, communities: Set(members))
            if street.adjacency == nil {
                let pairs = derived(parameters)
                let inside = Set(members)
                part.adjacency = whole ? pairs : pairs.filter { pair in
                    community[pair.first].map(inside.contains) ?? false
                        && community[pair.second].map(inside.contains) ?? false
                }
            }
            let result = StreetDistricting(parameters: parameters).draw(part, deadline: deadline)
            clockCut += result.clockCut
            drawn += result.assignments
            warnings += result.warnings
            extraGrids += result.extraGrids
            for deviation in result.deviations {
                findings.append(Finding(deviation, rules: ruleSet.grid(for: deviation.communityID)))
            }
        }
        let locks = LockKeeper(locks: street.locks, buildings: buildings)
        if let current = street.currentPlan {
            // Grid locks first (they rename whole grids), so that micro-grid codes follow the current plan of the
            // grid code each grid ends with; the final pass below re-applies micro-grid locks and states the unmet.
            drawn.sort(by: GridJobResult.rowOrder)
            _ = locks.apply(to: &drawn)
            PlanCodeKeeper(current: current, locks: street.locks).apply(to: &drawn)
        }
        assignments += drawn
        assignments.sort(by: GridJobResult.rowOrder)
        // Kept communities' warnings were gathered first: put every warning back in community order (stable).
        warnings = warnings.enumerated().sorted { a, b in
            let ca = a.element.communityID?.rawValue ?? "", cb = b.element.communityID?.rawValue ?? ""
            return ca != cb ? ca.unicodeScalars.lexicographicallyPrecedes(cb.unicodeScalars) : a.offset < b.offset
        }.map(\.element)
        findings += locks.apply(to: &assignments)
        findings.sort {
            ($0.communityID?.rawValue ?? "", $0.place ?? "", $0.ruleID) < ($1.communityID?.rawValue ?? "", $1.place ?? "", $1.ruleID)
        }
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
        return GridJobResult(
            assignments: assignments, findings: findings, warnings: warnings, bounds: bounds, redraw: redraw,
            extraGrids: extraGrids, clockCut: clockCut.sorted())
    }

    /// The communities whose current rows are kept verbatim (with those rows and their adjacency warnings), and the
    /// decision for every community.
    ///
    /// - Complexity: O(r log r + n + m) for r current rows, n buildings and m neighbour pairs.
    func keptCommunities(
        _ street: Street, buildings: [Building], communities: [CommunityID], current: [GridAssignment],
        pairs: (CommunityID) -> [BuildingPair]
    ) -> (decisions: [CommunityRedraw], rows: [GridAssignment], warnings: [PlanWarning]) {
        let home = Dictionary(uniqueKeysWithValues: buildings.map { ($0.id, $0.communityID) })
        var rowsOf: [CommunityID: [GridAssignment]] = [:]
        for row in current {
            // A row is judged in the community its building is in now, and in the one it was drawn in.
            let now = home[row.buildingID] ?? row.communityID
            rowsOf[now, default: []].append(row)
            if now != row.communityID { rowsOf[row.communityID, default: []].append(row) }
        }
        var membersOf: [CommunityID: [Building]] = [:]
        for building in buildings { membersOf[building.communityID, default: []].append(building) }
        var unitsOf: [BuildingID: [StairwellUnit]] = [:]
        for unit in street.units { unitsOf[unit.buildingID, default: []].append(unit) }
        var decisions: [CommunityRedraw] = []
        var rows: [GridAssignment] = []
        var warnings: [PlanWarning] = []
        for community in communities {
            let own = rowsOf[community] ?? []
            guard !own.isEmpty else {
                decisions.append(CommunityRedraw(
                    communityID: community, keptVerbatim: false, reasons: [Message.text("planning.redraw.no_rows")]))
                continue
            }
            let members = membersOf[community] ?? []
            let check = CommunityPlanCheck(
                community: community, rules: ruleSet.grid(for: community), buildings: members,
                units: unitsOf, pairs: pairs(community),
                locks: street.locks)
            let reasons = check.reasons(own)
            decisions.append(CommunityRedraw(communityID: community, keptVerbatim: reasons.isEmpty, reasons: reasons))
            if reasons.isEmpty {
                rows += own
                warnings += check.warnings
            }
        }
        return (decisions, rows, warnings)
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
