import GridModel
import PlanningSupport

/// Makes a connected partition more compact on the issue's own measure: Σ weight × distance (not squared) to the
/// part's weight-weighted centroid, taken over each node's member points (a contracted compound keeps its buildings).
///
/// Several starts, the best kept by (bound violation, cost):
/// 1. the given partition;
/// 2. capacitated k-means starts: seeded k-means++ centres, an assignment that fills the nearest centre with room
///    (nodes with the most to lose first), a few Lloyd rounds, contiguity repair (each part keeps its heaviest
///    connected piece, the rest is regrown from the neighbouring parts, cheapest first), then the bounds repaired by
///    ``PartitionLocalSearch``.
///
/// Every start is polished by single-node moves and pair swaps across part boundaries, evaluated exactly (both
/// centroids move), that keep every part connected and never increase the bound violation. Deterministic for a
/// seed: the work is fixed by counts.
///
/// Optionally nodes belong to groups (compounds) that should stay whole: every part a group touches beyond its
/// first costs `groupPenalty` (in weight × metres, the cost's own unit), so a group is split only where that pays.
struct CompactnessSearch {
    /// What a household of bound violation costs in a move's gain: more than any compactness gain, so that moves
    /// never trade the hard household bounds (`grid.households_per_grid`) for compactness. Not a planner's choice.
    static let violationCost = 1e6

    /// A node's member: its position and weight (a building in a contracted compound).
    struct Member {
        var point: PlanarPoint
        var weight: Double
    }

    let graph: DistrictingGraph
    let bounds: DistrictingBounds
    let parts: Int
    /// The members of each node; a node without members is measured at its own position with its own weight.
    let members: [[Member]]
    /// The seed of the starts.
    var seed: UInt64
    /// Capacitated k-means starts besides the given partition. Communities whose grids sit near the maximum need
    /// many (seed 3's C03, 495 households a grid: 88 m with 4 starts, 75 m with 10).
    var starts = 10
    /// Lloyd rounds per k-means start.
    var lloydRounds = 4
    /// Move-and-swap passes per polish at most.
    var passes = 40
    /// The group of each node (-1: none); empty when no node has one.
    var groups: [Int] = []
    /// The cost of each part a group touches beyond its first.
    var groupPenalty = 0.0
    private var groupCount: Int { (groups.max() ?? -1) + 1 }

    init(graph: DistrictingGraph, bounds: DistrictingBounds, parts: Int, members: [[Member]]? = nil, seed: UInt64) {
        self.graph = graph
        self.bounds = bounds
        self.parts = parts
        let positions = graph.positions ?? Array(repeating: PlanarPoint(x: 0, y: 0), count: graph.nodeCount)
        if let members, members.count == graph.nodeCount {
            self.members = members
        } else {
            self.members = (0..<graph.nodeCount).map { node in
                [Member(point: positions[node], weight: Double(graph.weights[node]))]
            }
        }
        self.seed = seed
    }

    /// The most compact partition found from `initial` (labels in `0..<parts`, every part connected): never worse
    /// than `initial` in (bound violation, cost).
    ///
    /// - Complexity: O(starts × passes × n × (part size + degree)) member-distance evaluations.
    func improve(_ initial: [Int]) -> [Int] {
        guard graph.positions != nil, parts > 1, initial.count == graph.nodeCount,
            initial.allSatisfy({ $0 >= 0 && $0 < parts })
        else { return initial }
        var best = polish(initial)
        var bestRank = rank(best)
        var random = SplitMix64(seed: SplitMix64.mix(seed, 0xC0_4A_C7))
        for attempt in 0..<starts {
            guard var labels = kMeansStart(random: &random) else { continue }
            // Bounds first, with few ReCom steps: their random trees cost more than most starts are worth (measured:
            // 10 steps per part doubled a street's drawing time for 1 % of compactness).
            var repair = PartitionLocalSearch(graph: graph, bounds: bounds, objective: .inertia, parts: parts,
                                              part: labels, seed: SplitMix64.mix(seed, UInt64(attempt)))
            if repair.violation > 0 { repair.improve(recomSteps: 3 * parts, patience: parts) }
            labels = polish(repair.part)
            let candidate = rank(labels)
            if candidate.violation < bestRank.violation
                || (candidate.violation == bestRank.violation && candidate.cost < bestRank.cost - 1e-6)
            {
                best = labels
                bestRank = candidate
            }
        }
        return best
    }

    /// Σ weight × distance to the part's centroid over all members, plus the penalty of split groups.
    func cost(_ labels: [Int]) -> Double {
        let centres = centroids(labels)
        var total = 0.0
        for node in 0..<graph.nodeCount {
            total += nodeCost(node, centres[labels[node]])
        }
        return total + groupPenalty * Double(splits(labels))
    }

    /// The number of parts groups touch beyond their first, summed over groups.
    func splits(_ labels: [Int]) -> Int {
        guard groups.count == graph.nodeCount else { return 0 }
        var seen = Set<[Int]>()
        var touched = Array(repeating: 0, count: groupCount)
        for node in 0..<graph.nodeCount where groups[node] >= 0 && seen.insert([groups[node], labels[node]]).inserted {
            touched[groups[node]] += 1
        }
        return touched.reduce(0) { $0 + max(0, $1 - 1) }
    }

    private func rank(_ labels: [Int]) -> (violation: Int, cost: Double) {
        var weight = Array(repeating: 0, count: parts)
        for node in 0..<graph.nodeCount { weight[labels[node]] += graph.weights[node] }
        return (weight.reduce(0) { $0 + bounds.violation($1) }, cost(labels))
    }

    private func nodeCost(_ node: Int, _ centre: PlanarPoint) -> Double {
        var total = 0.0
        for member in members[node] {
            let dx = member.point.x - centre.x, dy = member.point.y - centre.y
            total += member.weight * (dx * dx + dy * dy).squareRoot()
        }
        return total
    }

    private func centroids(_ labels: [Int]) -> [PlanarPoint] {
        var sums = Array(repeating: (x: 0.0, y: 0.0, w: 0.0), count: parts)
        for node in 0..<graph.nodeCount {
            for member in members[node] {
                let w = member.weight + 1e-9
                sums[labels[node]].x += w * member.point.x
                sums[labels[node]].y += w * member.point.y
                sums[labels[node]].w += w
            }
        }
        return sums.map { $0.w > 0 ? PlanarPoint(x: $0.x / $0.w, y: $0.y / $0.w) : PlanarPoint(x: 0, y: 0) }
    }

    // MARK: - Polish

    /// Per-part sums for exact centroid updates.
    private struct PartSums {
        var x = 0.0, y = 0.0, w = 0.0

        mutating func add(_ node: [Member], sign: Double) {
            for member in node {
                let w = member.weight + 1e-9
                x += sign * w * member.point.x
                y += sign * w * member.point.y
                self.w += sign * w
            }
        }

        var centre: PlanarPoint { w > 1e-12 ? PlanarPoint(x: x / w, y: y / w) : PlanarPoint(x: 0, y: 0) }
    }

    /// Moves and swaps to a local optimum (or `passes` passes).
    func polish(_ start: [Int]) -> [Int] {
        var labels = start
        var nodesOf = Array(repeating: [Int](), count: parts)
        var sums = Array(repeating: PartSums(), count: parts)
        var weight = Array(repeating: 0, count: parts)
        for node in 0..<graph.nodeCount {
            nodesOf[labels[node]].append(node)
            sums[labels[node]].add(members[node], sign: 1)
            weight[labels[node]] += graph.weights[node]
        }
        var partCost = (0..<parts).map { p in nodesOf[p].reduce(0.0) { $0 + nodeCost($1, sums[p].centre) } }
        var stamp = Array(repeating: 0, count: graph.nodeCount)
        var stampValue = 0
        let grouped = groups.count == graph.nodeCount && groupPenalty > 0
        // Nodes of each group in each part, flat: group × parts + part.
        var inGroup = Array(repeating: 0, count: grouped ? groupCount * parts : 0)
        if grouped {
            for node in 0..<graph.nodeCount where groups[node] >= 0 {
                inGroup[groups[node] * parts + labels[node]] += 1
            }
        }

        /// The change of the group penalty when `node` moves from `a` to `b`.
        func penaltyDelta(_ node: Int, from a: Int, to b: Int) -> Double {
            guard grouped, groups[node] >= 0 else { return 0 }
            let base = groups[node] * parts
            return groupPenalty * Double((inGroup[base + b] == 0 ? 1 : 0) - (inGroup[base + a] == 1 ? 1 : 0))
        }

        /// The cost of part `p` with `removed` taken out and `added` put in.
        func costAfter(_ p: Int, removing removed: Int?, adding added: Int?) -> Double {
            var s = sums[p]
            if let removed { s.add(members[removed], sign: -1) }
            if let added { s.add(members[added], sign: 1) }
            let centre = s.centre
            var total = 0.0
            for node in nodesOf[p] where node != removed { total += nodeCost(node, centre) }
            if let added { total += nodeCost(added, centre) }
            return total
        }

        /// Whether part `p` stays connected with `removed` out and `added` in.
        func connectedAfter(_ p: Int, removing removed: Int, adding added: Int?) -> Bool {
            let size = nodesOf[p].count - 1 + (added == nil ? 0 : 1)
            guard size > 0 else { return false }
            stampValue += 1
            let start = added ?? nodesOf[p].first { $0 != removed } ?? removed
            stamp[start] = stampValue
            stamp[removed] = stampValue
            var stack = [start]
            var reached = 1
            while let u = stack.popLast() {
                for v in graph.neighbours[u] where stamp[v] != stampValue && (labels[v] == p || v == added) {
                    stamp[v] = stampValue
                    reached += 1
                    stack.append(v)
                }
            }
            return reached == size
        }

        func move(_ node: Int, to b: Int) {
            let a = labels[node]
            nodesOf[a].removeAll { $0 == node }
            nodesOf[b].append(node)
            sums[a].add(members[node], sign: -1)
            sums[b].add(members[node], sign: 1)
            weight[a] -= graph.weights[node]
            weight[b] += graph.weights[node]
            if grouped, groups[node] >= 0 {
                inGroup[groups[node] * parts + a] -= 1
                inGroup[groups[node] * parts + b] += 1
            }
            labels[node] = b
        }

        for _ in 0..<passes {
            var improved = false
            // Single moves, in node order (deterministic).
            for node in 0..<graph.nodeCount {
                let a = labels[node]
                guard nodesOf[a].count > 1 else { continue }
                let w = graph.weights[node]
                var best: (gain: Double, target: Int, costA: Double, costB: Double)?
                var seen: [Int] = []
                for next in graph.neighbours[node] where labels[next] != a && !seen.contains(labels[next]) {
                    let b = labels[next]
                    seen.append(b)
                    let before = bounds.violation(weight[a]) + bounds.violation(weight[b])
                    let after = bounds.violation(weight[a] - w) + bounds.violation(weight[b] + w)
                    guard after <= before else { continue }
                    let costA = costAfter(a, removing: node, adding: nil)
                    let costB = costAfter(b, removing: nil, adding: node)
                    let gain = partCost[a] + partCost[b] - costA - costB - penaltyDelta(node, from: a, to: b)
                        + Double(before - after) * Self.violationCost
                    if gain > 1e-6 && (best == nil || gain > (best?.gain ?? 0)) { best = (gain, b, costA, costB) }
                }
                guard let best, connectedAfter(a, removing: node, adding: nil) else { continue }
                move(node, to: best.target)
                partCost[a] = best.costA
                partCost[best.target] = best.costB
                improved = true
            }
            if improved { continue }
            // Pair swaps between neighbouring parts when no single move helps (tight bounds): u with a node v of a
            // neighbouring part within two steps of u that touches u's part.
            for u in 0..<graph.nodeCount {
                let a = labels[u]
                guard graph.neighbours[u].contains(where: { labels[$0] != a }) else { continue }
                var candidates: [Int] = []
                for w in graph.neighbours[u] {
                    for v in [w] + graph.neighbours[w] where labels[v] != a && !candidates.contains(v) {
                        candidates.append(v)
                    }
                }
                for v in candidates.sorted() where labels[u] == a && labels[v] != a {
                    let b = labels[v]
                    guard graph.neighbours[u].contains(where: { labels[$0] == b }),
                        graph.neighbours[v].contains(where: { labels[$0] == a })
                    else { continue }
                    let delta = graph.weights[v] - graph.weights[u]
                    let before = bounds.violation(weight[a]) + bounds.violation(weight[b])
                    let after = bounds.violation(weight[a] + delta) + bounds.violation(weight[b] - delta)
                    guard after <= before else { continue }
                    let costA = costAfter(a, removing: u, adding: v)
                    let costB = costAfter(b, removing: v, adding: u)
                    // Two nodes of one group trade places: its penalty does not change.
                    let penalty = grouped && groups[u] >= 0 && groups[u] == groups[v]
                        ? 0 : penaltyDelta(u, from: a, to: b) + penaltyDelta(v, from: b, to: a)
                    let gain =
                        partCost[a] + partCost[b] - costA - costB - penalty
                        + Double(before - after) * Self.violationCost
                    guard gain > 1e-6,
                        connectedAfter(a, removing: u, adding: v), connectedAfter(b, removing: v, adding: u)
                    else { continue }
                    move(u, to: b)
                    move(v, to: a)
                    partCost[a] = costA
                    partCost[b] = costB
                    improved = true
                }
            }
            if !improved { break }
        }
        return labels
    }

    // MARK: - Capacitated k-means starts

    /// A connected partition from seeded centres, or nil when a part comes out empty.
    private func kMeansStart(random: inout SplitMix64) -> [Int]? {
        let n = graph.nodeCount
        guard n >= parts else { return nil }
        let sums = members.map { node -> PartSums in
            var s = PartSums()
            s.add(node, sign: 1)
            return s
        }
        let points = sums.map(\.centre)
        let mass = sums.map { max($0.w, 1e-9) }
        // k-means++: each next centre drawn with probability ∝ weight × squared distance to the nearest centre.
        var centres = [points[random.below(n)]]
        var nearest = points.map { Self.squared($0, centres[0]) }
        while centres.count < parts {
            let total = (0..<n).reduce(0.0) { $0 + mass[$1] * nearest[$1] }
            guard total > 0 else { return nil }
            var target = Double(random.next() >> 11) / Double(1 << 53) * total
            var pick = n - 1
            for node in 0..<n {
                target -= mass[node] * nearest[node]
                if target <= 0 {
                    pick = node
                    break
                }
            }
            centres.append(points[pick])
            for node in 0..<n { nearest[node] = min(nearest[node], Self.squared(points[node], points[pick])) }
        }
        var labels = Array(repeating: 0, count: n)
        for _ in 0..<max(1, lloydRounds) {
            labels = capacitatedAssignment(centres: centres)
            let next = centroids(labels)
            var counts = Array(repeating: 0, count: parts)
            for label in labels { counts[label] += 1 }
            guard counts.allSatisfy({ $0 > 0 }) else { return nil }
            centres = next
        }
        return repairContiguity(labels, centres: centroids(labels))
    }

    /// Each node to the nearest centre with room under the maximum (nodes with the largest regret first).
    private func capacitatedAssignment(centres: [PlanarPoint]) -> [Int] {
        let n = graph.nodeCount
        let costs = (0..<n).map { node in centres.map { nodeCost(node, $0) } }
        let order = (0..<n).sorted { a, b in
            let ra = regret(costs[a]), rb = regret(costs[b])
            return ra != rb ? ra > rb : a < b
        }
        var weight = Array(repeating: 0, count: parts)
        var labels = Array(repeating: 0, count: n)
        for node in order {
            let ranked = (0..<parts).sorted { (costs[node][$0], $0) < (costs[node][$1], $1) }
            let pick = ranked.first { weight[$0] + graph.weights[node] <= bounds.max } ?? ranked[0]
            labels[node] = pick
            weight[pick] += graph.weights[node]
        }
        return labels
    }

    private static func squared(_ a: PlanarPoint, _ b: PlanarPoint) -> Double {
        (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)
    }

    private func regret(_ costs: [Double]) -> Double {
        var first = Double.infinity, second = Double.infinity
        for cost in costs {
            if cost < first {
                second = first
                first = cost
            } else if cost < second {
                second = cost
            }
        }
        return second - first
    }

    /// Each part keeps its heaviest connected piece; the other nodes are regrown from neighbouring parts, the
    /// cheapest (node, part) pair with room first. Nil when some part is empty.
    private func repairContiguity(_ start: [Int], centres: [PlanarPoint]) -> [Int]? {
        let n = graph.nodeCount
        var labels = start
        var seen = Array(repeating: false, count: n)
        for p in 0..<parts {
            var pieces: [[Int]] = []
            for node in 0..<n where labels[node] == p && !seen[node] {
                seen[node] = true
                let piece = BreadthFirstSearch.reach(from: node, neighbours: { graph.neighbours[$0] }) { v, _ in
                    guard labels[v] == p && !seen[v] else { return false }
                    seen[v] = true
                    return true
                }
                pieces.append(piece)
            }
            guard let keep = pieces.indices.max(by: { a, b in
                let wa = pieces[a].reduce(0) { $0 + graph.weights[$1] }
                let wb = pieces[b].reduce(0) { $0 + graph.weights[$1] }
                return wa != wb ? wa < wb : pieces[a][0] > pieces[b][0]
            }) else { return nil }
            for (index, piece) in pieces.enumerated() where index != keep {
                for node in piece { labels[node] = -1 }
            }
        }
        var weight = Array(repeating: 0, count: parts)
        for node in 0..<n where labels[node] >= 0 { weight[labels[node]] += graph.weights[node] }
        while labels.contains(-1) {
            var best: (room: Bool, cost: Double, node: Int, part: Int)?
            for node in 0..<n where labels[node] < 0 {
                for next in graph.neighbours[node] where labels[next] >= 0 {
                    let p = labels[next]
                    let room = weight[p] + graph.weights[node] <= bounds.max
                    let cost = nodeCost(node, centres[p])
                    if let known = best {
                        let cheaper = (cost, node, p) < (known.cost, known.node, known.part)
                        if (room && !known.room) || (room == known.room && cheaper) {
                            best = (room, cost, node, p)
                        }
                    } else {
                        best = (room, cost, node, p)
                    }
                }
            }
            guard let best else { return nil }
            labels[best.node] = best.part
            weight[best.part] += graph.weights[best.node]
        }
        return labels
    }
}
