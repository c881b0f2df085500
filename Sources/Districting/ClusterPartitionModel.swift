import LinearSolver
import PlanningSupport

/// Exact districting of a small graph by set partitioning over its connected clusters (the enumeration core of
/// ../shared/domain/districting.md §3.3).
///
/// Every connected node set whose weight lies within the bounds is enumerated once (ESU: grown from its smallest
/// node through exclusive neighbours, pruned above the maximum); GLPK then picks clusters covering every node once:
/// first the fewest clusters, then, with that count fixed, the least total inertia (Σ weight × squared distance to
/// the cluster's weighted centroid). Contiguity and bounds hold by construction of the columns. With a fixed count and
/// at most 64 nodes, `ExactCoverSearch` answers first.
struct ClusterPartitionModel {
    let graph: DistrictingGraph
    let bounds: DistrictingBounds
    /// Give up (return nil) when there are more clusters than this.
    let columnLimit: Int

    /// What the exact stage found: a labelling (parts numbered from 0), or nil when no valid partition exists or the
    /// enumeration or the time ran out; `proven` says whether the absence is proven.
    struct Outcome {
        var part: [Int]?
        var provenInfeasible: Bool
    }

    /// The connected clusters within the bounds, or nil past `columnLimit`.
    func clusters() -> [[Int]]? {
        var result: [[Int]] = []
        var overflow = false
        let n = graph.nodeCount
        var inSubset = Array(repeating: false, count: n)
        var blocked = Array(repeating: 0, count: n)
        func extend(_ subset: inout [Int], _ candidates: [Int], root: Int, weight: Int) {
            if overflow { return }
            if weight >= bounds.min {
                result.append(subset.sorted())
                if result.count > columnLimit {
                    overflow = true
                    return
                }
            }
            var pending = candidates
            while let next = pending.popLast() {
                let newWeight = weight + graph.weights[next]
                guard newWeight <= bounds.max else { continue }
                // Exclusive neighbours of `next`: not in the subset, not already a candidate or neighbour of it.
                var added: [Int] = []
                for u in graph.neighbours[next] where u > root && !inSubset[u] && blocked[u] == 0 {
                    added.append(u)
                }
                subset.append(next)
                inSubset[next] = true
                for u in added { blocked[u] += 1 }
                extend(&subset, pending + added, root: root, weight: newWeight)
                for u in added { blocked[u] -= 1 }
                inSubset[next] = false
                subset.removeLast()
                if overflow { return }
            }
        }
        for root in 0..<n {
            guard graph.weights[root] <= bounds.max else { continue }
            var subset = [root]
            inSubset[root] = true
            // Every neighbour of the subset counts as seen, so each set is grown along one path only.
            let start = graph.neighbours[root].filter { $0 > root }
            blocked[root] += 1
            for u in start { blocked[u] += 1 }
            extend(&subset, start, root: root, weight: graph.weights[root])
            for u in start { blocked[u] -= 1 }
            blocked[root] -= 1
            inSubset[root] = false
            if overflow { return nil }
        }
        return result
    }

    /// Inertia of one cluster.
    func cost(_ cluster: [Int]) -> Double {
        guard let positions = graph.positions else { return 0 }
        var mass = 0.0, x = 0.0, y = 0.0
        for node in cluster {
            let w = Double(graph.weights[node]) + 1e-6
            mass += w
            x += w * positions[node].x
            y += w * positions[node].y
        }
        let cx = x / mass, cy = y / mass
        return cluster.reduce(0) { sum, node in
            let dx = positions[node].x - cx, dy = positions[node].y - cy
            return sum + Double(graph.weights[node]) * (dx * dx + dy * dy)
        }
    }

    /// The least-inertia partition into exactly `parts` clusters (the fewest possible when `parts` is nil), or nil
    /// (see `Outcome`).
    func solve(parts: Int? = nil, seconds: Double) -> Outcome {
        solve(parts: parts, seconds: seconds, clusters: clusters())
    }

    /// As `solve(parts:seconds:)`, with the clusters enumerated once by the caller (nil: too many).
    func solve(parts: Int?, seconds: Double, clusters: [[Int]]?) -> Outcome {
        guard let clusters else { return Outcome(part: nil, provenInfeasible: false) }
        guard !clusters.isEmpty else { return Outcome(part: nil, provenInfeasible: true) }
        // Up to 64 nodes a depth-first exact cover settles the question far faster than GLPK on these degenerate
        // set-partitioning models.
        if let parts, graph.nodeCount <= 64 {
            let masks = clusters.map { $0.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) } }
            let search = ExactCoverSearch(nodeCount: graph.nodeCount, weights: graph.weights, maximum: bounds.max,
                                          masks: masks, costs: clusters.map(cost), nodeLimit: 10_000)
            let found = search.solve(parts: parts)
            if let cover = found.cover {
                var part = Array(repeating: 0, count: graph.nodeCount)
                for (label, index) in cover.enumerated() {
                    for node in clusters[index] { part[node] = label }
                }
                return Outcome(part: part, provenInfeasible: false)
            }
            // Unresolved within its branch budget: GLPK on the same degenerate model was measured to burn its whole
            // time limit here (62 % of a street's run), so the caller falls back to the tree search instead.
            return Outcome(part: nil, provenInfeasible: found.proven)
        }
        let deadline = Deadline(seconds: seconds)
        var model = LinearModel(name: "clusters", sense: .minimize)
        let columns = clusters.indices.map { model.addVariable("s\($0)", kind: .binary, upper: 1, objective: 1) }
        var cover = Array(repeating: [LinearTerm](), count: graph.nodeCount)
        for (index, cluster) in clusters.enumerated() {
            for node in cluster { cover[node].append(LinearTerm(columns[index], 1)) }
        }
        for node in 0..<graph.nodeCount {
            guard !cover[node].isEmpty else { return Outcome(part: nil, provenInfeasible: true) }
            model.addConstraint("cover\(node)", cover[node], .equal(1))
        }
        var best: [Double]?
        var count = Double(parts ?? 0)
        if parts == nil {
            let options = SolveOptions(timeLimit: max(0.05, deadline.remaining))
            guard let fewest = try? GLPKSolver().solve(model, options: options) else {
                return Outcome(part: nil, provenInfeasible: false)
            }
            if fewest.status == .infeasible { return Outcome(part: nil, provenInfeasible: true) }
            guard fewest.hasSolution, fewest.status == .optimal, let value = fewest.objective?.rounded() else {
                return Outcome(part: nil, provenInfeasible: false)
            }
            best = fewest.values
            count = value
        }
        do {
            model.addConstraint("count", columns.map { LinearTerm($0, 1) }, .equal(count))
            let costs = clusters.map(cost)
            let scale = max(costs.max() ?? 1, 1)
            for (index, column) in columns.enumerated() {
                model.variables[column.rawValue].objective = costs[index] / scale
            }
            var options = SolveOptions(timeLimit: max(0.05, deadline.remaining))
            options.startSolution = best
            if let refined = try? GLPKSolver().solve(model, options: options) {
                if refined.status == .infeasible { return Outcome(part: nil, provenInfeasible: true) }
                if refined.hasSolution { best = refined.values }
            }
        }
        guard let best else { return Outcome(part: nil, provenInfeasible: false) }
        var part = Array(repeating: 0, count: graph.nodeCount)
        var label = 0
        for (index, cluster) in clusters.enumerated() where best[columns[index].rawValue] > 0.5 {
            for node in cluster { part[node] = label }
            label += 1
        }
        return Outcome(part: part, provenInfeasible: false)
    }
}
