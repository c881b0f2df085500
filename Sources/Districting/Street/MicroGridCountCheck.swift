import GridModel
import PlanningSupport

/// Decides whether one grid's atoms can be packed into exactly `parts` connected micro-grids within the bounds: a
/// packing, a proof that none exists, or no answer.
///
/// The atoms are the finest the rules allow (units, and single floors of units above the micro maximum, chained in
/// floor order), so that a proof covers every plan the rules admit. A micro-grid is connected when its buildings are
/// (atoms of one building count as together), and takes consecutive floors of a unit. Two proofs run first, at any
/// size, both relaxations (so "impossible" there is impossible for the real model):
/// - the slack bound: `parts · max − households` households of room is all the micro-grids have; an atom whose
///   micro-grid can hold at most `reach` households (a subset sum over the atoms it could possibly be joined with:
///   those
///   of buildings reachable through buildings light enough) leaves at least `max − reach` of that room unused, and
///   atoms that cannot share a micro-grid leave theirs in different micro-grids, so their sum may not exceed the room;
/// - an atom whose `reach` is below the minimum fits in no micro-grid at all.
/// Then, on at most 64 atoms, every connected cluster within the bounds is enumerated (``ClusterPartitionModel``) and
/// an exact cover with `parts` clusters is searched (``ExactCoverSearch``): a cover is a packing, a finished search
/// without one is a proof when no unit is cut into floors (with floors the model is narrowed, see `exactCover`); a
/// capped enumeration or search gives no answer.
struct MicroGridCountCheck {
    /// What the check found.
    enum Finding: Equatable {
        /// A packing into exactly `parts` micro-grids: the micro-grid of each atom, numbered from 0.
        case packing([Int])
        /// No packing into `parts` micro-grids exists (proven).
        case impossible
        /// Neither found nor proven within the search limits.
        case unknown
    }

    let bounds: DistrictingBounds
    /// Households of each atom.
    let weights: [Int]
    /// The building (0..<buildingCount) of each atom.
    let buildingOf: [Int]
    /// Atoms of one unit's floors in floor order.
    let chains: [[Int]]
    /// Neighbouring buildings.
    let buildingEdges: [IndexPair]
    let buildingCount: Int
    /// Where each atom is drawn (for the least-inertia cover among equals).
    let positions: [PlanarPoint]
    /// Clusters the exact stage may enumerate, and branches its cover search may take.
    var clusterLimit = 15_000
    var branchLimit = 20_000

    /// - Complexity: the bounds O(n · (b + e) + n · max) per atom for n atoms, b buildings, e building edges; the
    ///   exact stage is capped by `clusterLimit` and `branchLimit`.
    func check(parts: Int) -> Finding {
        let total = weights.reduce(0, +)
        guard parts >= 1, !weights.isEmpty else { return .unknown }
        guard bounds.admits(total, parts: parts), weights.allSatisfy({ $0 <= bounds.max }) else { return .impossible }
        if slackBoundRulesOut(parts: parts, total: total) { return .impossible }
        return exactCover(parts: parts)
    }

    /// Whether the slack bound (see the type's summary) proves `parts` micro-grids impossible.
    func slackBoundRulesOut(parts: Int, total: Int) -> Bool {
        let room = parts * bounds.max - total
        let n = weights.count
        var neighbours = Array(repeating: [Int](), count: buildingCount)
        for edge in buildingEdges {
            neighbours[edge.first].append(edge.second)
            neighbours[edge.second].append(edge.first)
        }
        var atomsOf = Array(repeating: [Int](), count: buildingCount)
        for atom in 0..<n { atomsOf[buildingOf[atom]].append(atom) }
        // Joining building b to a micro-grid takes at least its lightest atom.
        let entry = atomsOf.map { atoms in atoms.map { weights[$0] }.min() ?? 0 }
        var reachable: [[Bool]] = []
        var unused = Array(repeating: 0, count: n)
        for atom in 0..<n {
            let spare = bounds.max - weights[atom]
            let within = buildingsWithin(spare, from: buildingOf[atom], neighbours: neighbours, entry: entry)
            reachable.append(within)
            var sums = Array(repeating: false, count: spare + 1)
            sums[0] = true
            for building in 0..<buildingCount where within[building] {
                for other in atomsOf[building] where other != atom && weights[other] <= spare && weights[other] > 0 {
                    for sum in stride(from: spare, through: weights[other], by: -1) where sums[sum - weights[other]] {
                        sums[sum] = true
                    }
                }
            }
            let reach = weights[atom] + (sums.lastIndex(of: true) ?? 0)
            if reach < bounds.min { return true }
            unused[atom] = bounds.max - reach
        }
        // Atoms that cannot share a micro-grid, most unused room first.
        let order = (0..<n).sorted { (unused[$1], $0) < (unused[$0], $1) }
        var apart: [Int] = []
        var wasted = 0
        for atom in order where unused[atom] > 0 {
            let alone = apart.allSatisfy { other in
                weights[atom] + weights[other] > bounds.max || !reachable[atom][buildingOf[other]]
                    || !reachable[other][buildingOf[atom]]
            }
            guard alone else { continue }
            apart.append(atom)
            wasted += unused[atom]
            if wasted > room || apart.count > parts { return true }
        }
        return false
    }

    /// Buildings a micro-grid holding an atom of `start` can reach with `spare` households left: the cheapest path
    /// (each building entered costs its lightest atom) is at most `spare`.
    private func buildingsWithin(_ spare: Int, from start: Int, neighbours: [[Int]], entry: [Int]) -> [Bool] {
        var cost = Array(repeating: Int.max, count: buildingCount)
        var done = Array(repeating: false, count: buildingCount)
        cost[start] = 0
        // Dijkstra by linear scan: grids hold tens of buildings.
        while true {
            var next = -1
            for building in 0..<buildingCount where !done[building] && cost[building] <= spare {
                if next < 0 || cost[building] < cost[next] { next = building }
            }
            guard next >= 0 else { break }
            done[next] = true
            for other in neighbours[next] where !done[other] {
                let through = cost[next] + entry[other]
                if through < cost[other] { cost[other] = through }
            }
        }
        return done
    }

    /// The exact stage on at most 64 atoms (see the type's summary).
    private func exactCover(parts: Int) -> Finding {
        let n = weights.count
        guard n <= 64 else { return .unknown }
        var atomsOf = Array(repeating: [Int](), count: buildingCount)
        for atom in 0..<n { atomsOf[buildingOf[atom]].append(atom) }
        var chainOf = Array(repeating: -1, count: n), floorIndex = Array(repeating: 0, count: n)
        for (index, chain) in chains.enumerated() {
            for (position, atom) in chain.enumerated() {
                chainOf[atom] = index
                floorIndex[atom] = position
            }
        }
        // Floors of one unit touch the next floor; only a unit's lowest and highest floors touch other atoms (of
        // its building or of neighbouring buildings), which keeps the enumeration from growing every subset of
        // floors joined through a neighbour. That narrows the model (a middle band joins nothing else), so with
        // floors a cover is a packing but a failed search proves nothing.
        let outward = (0..<n).map { chainOf[$0] < 0 || floorIndex[$0] == 0
            || floorIndex[$0] == chains[chainOf[$0]].count - 1 }
        func touch(_ a: Int, _ b: Int) -> Bool {
            if chainOf[a] >= 0 && chainOf[a] == chainOf[b] { return abs(floorIndex[a] - floorIndex[b]) == 1 }
            return outward[a] && outward[b]
        }
        var edges: [IndexPair] = []
        for atoms in atomsOf {
            for (i, a) in atoms.enumerated() {
                for b in atoms[(i + 1)...] where touch(a, b) { edges.append(IndexPair(a, b)) }
            }
        }
        for edge in buildingEdges {
            for a in atomsOf[edge.first] {
                for b in atomsOf[edge.second] where touch(a, b) { edges.append(IndexPair(min(a, b), max(a, b))) }
            }
        }
        let graph = DistrictingGraph(weights: weights, positions: positions, edges: edges)
        let model = ClusterPartitionModel(graph: graph, bounds: bounds, columnLimit: clusterLimit)
        guard let enumerated = model.clusters() else { return .unknown }
        let clusters = enumerated.filter { cluster in
            var floors: [Int: [Int]] = [:]
            for atom in cluster where chainOf[atom] >= 0 { floors[chainOf[atom], default: []].append(floorIndex[atom]) }
            return floors.values.allSatisfy { ($0.max() ?? 0) - ($0.min() ?? 0) + 1 == $0.count }
        }
        let narrowed = !chains.isEmpty
        guard !clusters.isEmpty else { return narrowed ? .unknown : .impossible }
        let masks = clusters.map { $0.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) } }
        let search = ExactCoverSearch(nodeCount: n, weights: weights, maximum: bounds.max, masks: masks,
                                      costs: clusters.map(model.cost), nodeLimit: branchLimit)
        let found = search.solve(parts: parts)
        guard let cover = found.cover else { return found.proven && !narrowed ? .impossible : .unknown }
        var labels = Array(repeating: 0, count: n)
        for (label, index) in cover.enumerated() {
            for atom in clusters[index] { labels[atom] = label }
        }
        return .packing(labels)
    }
}
