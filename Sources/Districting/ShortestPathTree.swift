/// The shortest-path tree of one source under edge lengths, for the spreading-metric rows of
/// `CutEdgeSpreadingBound`.
///
/// Ties in length (all lengths are 0 in the first round) go to the path of fewer edges, then to the smaller node, so
/// that the tree is the breadth-first tree when lengths are equal and the same on every run.
struct ShortestPathTree {
    /// The source.
    let source: Int
    /// Distance from the source (infinity when unreachable).
    private(set) var distance: [Double]
    /// The tree edge into each node (its index in `graph.edges`), -1 for the source and unreachable nodes.
    private(set) var parentEdge: [Int]
    /// The tree's parent of each node, -1 for the source and unreachable nodes.
    private(set) var parent: [Int]
    /// Reached nodes in order of settling (the source first).
    private(set) var settled: [Int]

    /// Dijkstra from `source` with `length[e]` on `graph.edges[e]`; `neighbourEdges[u][i]` is the edge from `u` to
    /// `graph.neighbours[u][i]`.
    ///
    /// - Complexity: O(m log n).
    init(graph: DistrictingGraph, source: Int, length: [Double], neighbourEdges: [[Int]]) {
        let n = graph.nodeCount
        self.source = source
        distance = Array(repeating: .infinity, count: n)
        parentEdge = Array(repeating: -1, count: n)
        parent = Array(repeating: -1, count: n)
        settled = []
        settled.reserveCapacity(n)
        var hops = Array(repeating: Int.max, count: n)
        var done = Array(repeating: false, count: n)
        var heap = MinimumHeap()
        distance[source] = 0
        hops[source] = 0
        heap.push(Key(distance: 0, hops: 0, node: source))
        while let key = heap.pop() {
            let u = key.node
            if done[u] { continue }
            done[u] = true
            settled.append(u)
            for (v, edge) in zip(graph.neighbours[u], neighbourEdges[u]) where !done[v] {
                let candidate = Key(distance: distance[u] + length[edge], hops: hops[u] + 1, node: v)
                if candidate < Key(distance: distance[v], hops: hops[v], node: v) {
                    distance[v] = candidate.distance
                    hops[v] = candidate.hops
                    parent[v] = u
                    parentEdge[v] = edge
                    heap.push(candidate)
                }
            }
        }
    }

    /// Σ_j w(j)·dist(source, j), infinity when a node of positive weight is unreachable (it then lies in another
    /// part of every valid partition, so the spreading row cannot be violated).
    func weightedDistanceSum(weights: [Int]) -> Double {
        var sum = 0.0
        for (node, weight) in weights.enumerated() where weight > 0 {
            sum += Double(weight) * distance[node]
        }
        return sum
    }

    /// The tree row: for each tree edge, the weight of the nodes below it (Σ_e d(e)·coefficient(e) equals
    /// Σ_j w(j)·(tree path length to j)). Sorted by edge index.
    ///
    /// - Complexity: O(n log n).
    func row(weights: [Int]) -> [(edge: Int, coefficient: Double)] {
        var below = weights.map(Double.init)
        var row: [(edge: Int, coefficient: Double)] = []
        for node in settled.reversed() where parent[node] >= 0 {
            below[parent[node]] += below[node]
            if below[node] > 0 { row.append((parentEdge[node], below[node])) }
        }
        return row.sorted { $0.edge < $1.edge }
    }

    /// A heap key: shorter first, then fewer edges, then the smaller node.
    private struct Key: Comparable {
        var distance: Double
        var hops: Int
        var node: Int

        static func < (a: Key, b: Key) -> Bool {
            (a.distance, a.hops, a.node) < (b.distance, b.hops, b.node)
        }
    }

    /// A binary min-heap of keys (stale entries are skipped by the caller).
    private struct MinimumHeap {
        private var keys: [Key] = []

        mutating func push(_ key: Key) {
            keys.append(key)
            var child = keys.count - 1
            while child > 0 {
                let up = (child - 1) / 2
                guard keys[child] < keys[up] else { break }
                keys.swapAt(child, up)
                child = up
            }
        }

        mutating func pop() -> Key? {
            guard let first = keys.first else { return nil }
            let last = keys.removeLast()
            guard !keys.isEmpty else { return first }
            keys[0] = last
            var index = 0
            while true {
                let left = 2 * index + 1, right = left + 1
                var smallest = index
                if left < keys.count && keys[left] < keys[smallest] { smallest = left }
                if right < keys.count && keys[right] < keys[smallest] { smallest = right }
                guard smallest != index else { break }
                keys.swapAt(index, smallest)
                index = smallest
            }
            return first
        }
    }
}
