import GridModel
import PlanningSupport

/// How the non-residential buildings of a community become special grids (专属网格), from grid.special_grid_sites.
public struct SpecialSiteRule: Sendable, Hashable {
    /// A group with more buildings than this is cut into contiguous parts of at most this many.
    public var maxBuildingsPerGrid: Int
    /// Kinds whose every building is a special grid of its own (a school, a hospital).
    public var standaloneKinds: Set<BuildingKind>
    /// A lone building joins a neighbouring special grid of its kind no farther than this (metres).
    public var joinLoneWithinMetres: Double
    /// Floors per micro-grid of a tower in a special grid; 0: a building is one micro-grid.
    public var floorsPerMicroGrid: Int

    /// The shipped rule's values.
    public init(maxBuildingsPerGrid: Int = 60, standaloneKinds: Set<BuildingKind> = [.school, .hospital],
                joinLoneWithinMetres: Double = 300, floorsPerMicroGrid: Int = 0) {
        self.maxBuildingsPerGrid = max(1, maxBuildingsPerGrid)
        self.standaloneKinds = standaloneKinds
        self.joinLoneWithinMetres = joinLoneWithinMetres
        self.floorsPerMicroGrid = max(0, floorsPerMicroGrid)
    }
}

/// Groups one community's special buildings into special grids: the buildings of one compound (or site) and one kind
/// form a group, split into its connected pieces over the neighbour graph (a grid is contiguous, special or not);
/// a lone building (a group of one, not of a standalone kind) joins the neighbouring group of its kind whose member
/// is nearest, within the rule's distance and below its size cap; a group above the cap is cut into the fewest
/// contiguous parts that fit it.
///
/// The grouping reads only buildings, positions and neighbours, never a plan, so that the job's own check of a
/// current plan can compute the same groups and tell whether the plan's special grids still follow the sites.
public struct SpecialGridGrouping: Sendable {
    /// The rule.
    public let rule: SpecialSiteRule

    /// A grouping under `rule`.
    public init(rule: SpecialSiteRule) {
        self.rule = rule
    }

    /// The groups of `special` (indices into `buildings`), each sorted, in a fixed order (by smallest member).
    ///
    /// - Parameter neighbours: the neighbours of every building (indices into `buildings`); only pairs of special
    ///   buildings of one community are used.
    /// - Complexity: O(s²) for s special buildings when lone buildings look for a group, plus the partition of any
    ///   group above the cap (a count-limited tree search).
    /// - Parameter splitting: false leaves groups above the cap whole (a check counts the parts itself).
    public func groups(special: [Int], buildings: [Building], neighbours: [[Int]], seed: UInt64,
                       splitting: Bool = true) -> [[Int]] {
        let members = special.sorted()
        let inside = Set(members)
        // The site a building groups by: its community, compound and kind; none for a standalone kind or a building
        // outside any compound (those start alone).
        var site: [Int: String] = [:]
        for index in members {
            let building = buildings[index]
            guard !rule.standaloneKinds.contains(building.kind), let compound = building.compoundID,
                !compound.rawValue.isEmpty
            else { continue }
            site[index] = "\(building.communityID)/\(compound)/\(building.kind.rawValue)"
        }
        func sameGroup(_ a: Int, _ b: Int) -> Bool { site[a] != nil && site[a] == site[b] }
        // Connected pieces of each compound and kind.
        var sets = UnionFind(count: buildings.count)
        for a in members {
            for b in neighbours[a] where b > a && inside.contains(b) && sameGroup(a, b) {
                sets.unite(a, b)
            }
        }
        var groupOf: [Int: Int] = [:]
        var groups: [[Int]] = []
        var rootIndex: [Int: Int] = [:]
        for building in members {
            let root = sets.find(building)
            if let known = rootIndex[root] {
                groups[known].append(building)
                groupOf[building] = known
            } else {
                rootIndex[root] = groups.count
                groupOf[building] = groups.count
                groups.append([building])
            }
        }
        // Lone buildings join the nearest neighbouring group of their kind (a joined group is no longer lone).
        for building in members where groups[groupOf[building] ?? 0].count == 1 {
            guard !rule.standaloneKinds.contains(buildings[building].kind) else { continue }
            let own = groupOf[building] ?? 0
            var best: (distance: Double, neighbour: Int)?
            for other in neighbours[building] where inside.contains(other) {
                let target = groupOf[other] ?? own
                guard target != own, buildings[other].kind == buildings[building].kind,
                    !rule.standaloneKinds.contains(buildings[other].kind),
                    groups[target].count < rule.maxBuildingsPerGrid
                else { continue }
                let distance = buildings[building].position.distance(to: buildings[other].position)
                guard distance <= rule.joinLoneWithinMetres else { continue }
                if best == nil || (distance, other) < (best?.distance ?? 0, best?.neighbour ?? 0) {
                    best = (distance, other)
                }
            }
            guard let best, let target = groupOf[best.neighbour] else { continue }
            groups[target].append(building)
            groups[own] = []
            groupOf[building] = target
        }
        var result: [[Int]] = []
        for group in groups where !group.isEmpty {
            guard splitting else {
                result.append(group.sorted())
                continue
            }
            result += split(group.sorted(), buildings: buildings, neighbours: neighbours, seed: seed)
        }
        return result.sorted { $0[0] < $1[0] }
    }

    /// `group` cut into the fewest contiguous parts of at most the cap, compact by household-free inertia (every
    /// building weighs one); the group itself when it fits.
    private func split(_ group: [Int], buildings: [Building], neighbours: [[Int]], seed: UInt64) -> [[Int]] {
        let cap = rule.maxBuildingsPerGrid
        guard group.count > cap else { return [group] }
        let parts = (group.count + cap - 1) / cap
        var local: [Int: Int] = [:]
        for (index, building) in group.enumerated() { local[building] = index }
        var edges: [IndexPair] = []
        for (index, building) in group.enumerated() {
            for other in neighbours[building] {
                if let j = local[other], j > index { edges.append(IndexPair(index, j)) }
            }
        }
        let graph = DistrictingGraph(
            weights: group.map { _ in 1 }, positions: group.map { buildings[$0].position }, edges: edges)
        let request = DistrictingRequest(
            graph: graph, parts: parts, bounds: DistrictingBounds(min: 1, max: cap), objective: .inertia)
        let solver = PartitionSolver(options: .init(
            timeLimit: SearchEffort.seconds, seed: seed, starts: SearchEffort.starts,
            recomStepsPerPart: SearchEffort.stepsPerPart, exactNodeLimit: 0, patience: SearchEffort.patience,
            treesPerPart: SearchEffort.treesPerPart))
        let found = solver.heuristicPartition(request, deadline: Deadline(seconds: SearchEffort.seconds))
        var pieces = Array(repeating: [Int](), count: parts)
        for (index, label) in found.part.enumerated() where label >= 0 && label < parts {
            pieces[label].append(group[index])
        }
        return pieces.filter { !$0.isEmpty }
    }

    /// The effort of cutting an oversized site: counts, so the cut is the same on every machine; the seconds are a
    /// guard never reached on a site.
    private enum SearchEffort {
        static let starts = 2, stepsPerPart = 20, patience = 10, treesPerPart = 40
        static let seconds = 30.0
    }
}
