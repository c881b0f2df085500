import GridModel
import PlanningSupport
import Testing

@testable import Districting

/// `CompactnessSearch`, the mean-distance polish after the local search: on lattices whose best partitions are known
/// by hand, checked with this file's own connectivity and distance code.
@Suite struct PartitionLocalSearchCompactnessTests {
    /// A `width` × `height` lattice, 10 m apart, 4-neighbour edges, weight `weight(x, y)` per node.
    static func lattice(width: Int, height: Int, weight: (Int, Int) -> Int = { _, _ in 10 }) -> DistrictingGraph {
        var weights: [Int] = []
        var positions: [PlanarPoint] = []
        var edges: [IndexPair] = []
        for y in 0..<height {
            for x in 0..<width {
                let node = y * width + x
                weights.append(weight(x, y))
                positions.append(PlanarPoint(x: Double(x) * 10, y: Double(y) * 10))
                if x + 1 < width { edges.append(IndexPair(node, node + 1)) }
                if y + 1 < height { edges.append(IndexPair(node, node + width)) }
            }
        }
        return DistrictingGraph(weights: weights, positions: positions, edges: edges)
    }

    /// Σ weight × distance to the part's weight-weighted centroid, recomputed here.
    static func meanDistanceCost(_ graph: DistrictingGraph, _ labels: [Int]) -> Double {
        let positions = graph.positions ?? []
        var total = 0.0
        for label in Set(labels) {
            let nodes = labels.indices.filter { labels[$0] == label }
            let mass = Double(nodes.reduce(0) { $0 + graph.weights[$1] })
            let cx = nodes.reduce(0.0) { $0 + Double(graph.weights[$1]) * positions[$1].x } / mass
            let cy = nodes.reduce(0.0) { $0 + Double(graph.weights[$1]) * positions[$1].y } / mass
            total += nodes.reduce(0.0) { sum, node in
                let dx = positions[node].x - cx, dy = positions[node].y - cy
                return sum + Double(graph.weights[node]) * (dx * dx + dy * dy).squareRoot()
            }
        }
        return total
    }

    /// Whether every label's nodes form one piece over the graph's edges (breadth-first search here).
    static func allConnected(_ graph: DistrictingGraph, _ labels: [Int], parts: Int) -> Bool {
        var neighbours = Array(repeating: [Int](), count: labels.count)
        for edge in graph.edges {
            neighbours[edge.first].append(edge.second)
            neighbours[edge.second].append(edge.first)
        }
        for label in 0..<parts {
            let nodes = labels.indices.filter { labels[$0] == label }
            guard let start = nodes.first else { return false }
            var seen: Set<Int> = [start]
            var queue = [start]
            while let u = queue.popLast() {
                for v in neighbours[u] where labels[v] == label && seen.insert(v).inserted { queue.append(v) }
            }
            if seen.count != nodes.count { return false }
        }
        return true
    }

    static func violation(_ graph: DistrictingGraph, _ labels: [Int], parts: Int, bounds: DistrictingBounds) -> Int {
        var weight = Array(repeating: 0, count: parts)
        for (node, label) in labels.enumerated() { weight[label] += graph.weights[node] }
        return weight.reduce(0) { $0 + bounds.violation($1) }
    }

    @Test("rows of a 12 × 4 lattice become compact blocks, connected and within bounds")
    func stripesBecomeBlocks() {
        let graph = Self.lattice(width: 12, height: 4)
        let bounds = DistrictingBounds(min: 100, max: 140)
        let rows = (0..<48).map { $0 / 12 }
        let search = CompactnessSearch(graph: graph, bounds: bounds, parts: 4, seed: 7)
        let result = search.improve(rows)
        #expect(Self.allConnected(graph, result, parts: 4))
        #expect(Self.violation(graph, result, parts: 4, bounds: bounds) == 0)
        let before = Self.meanDistanceCost(graph, rows)
        let after = Self.meanDistanceCost(graph, result)
        // Rows: 30 m mean; 3 × 4 blocks: about 12.8 m. Anything above 0.6 × rows has missed the blocks.
        #expect(after < 0.6 * before)
        #expect(abs(search.cost(result) - after) < 1e-3 * after)
    }

    @Test("the blocks of a lattice are not made worse", arguments: [1, 2, 3] as [UInt64])
    func optimumKept(seed: UInt64) {
        let graph = Self.lattice(width: 12, height: 4)
        let bounds = DistrictingBounds(min: 100, max: 140)
        let blocks = (0..<48).map { ($0 % 12) / 3 }
        let result = CompactnessSearch(graph: graph, bounds: bounds, parts: 4, seed: seed).improve(blocks)
        #expect(Self.meanDistanceCost(graph, result) <= Self.meanDistanceCost(graph, blocks) + 1e-6)
        #expect(Self.allConnected(graph, result, parts: 4))
    }

    @Test("a partition outside the bounds never gets further outside, and the same seed gives the same labels")
    func violationNeverGrowsAndDeterministic() {
        // Heavy right-hand column: the rows weigh 12 × 10 + 50 each; bounds that rows miss.
        let graph = Self.lattice(width: 12, height: 4) { x, _ in x == 11 ? 60 : 10 }
        let bounds = DistrictingBounds(min: 150, max: 160)
        let rows = (0..<48).map { $0 / 12 }
        let first = CompactnessSearch(graph: graph, bounds: bounds, parts: 4, seed: 11).improve(rows)
        let second = CompactnessSearch(graph: graph, bounds: bounds, parts: 4, seed: 11).improve(rows)
        #expect(first == second)
        #expect(Self.violation(graph, first, parts: 4, bounds: bounds)
            <= Self.violation(graph, rows, parts: 4, bounds: bounds))
        #expect(Self.allConnected(graph, first, parts: 4))
    }

    @Test("groups stay whole when splitting costs more than it saves, and split when it costs nothing",
          arguments: [(1e9, false), (0, true)] as [(Double, Bool)])
    func groupPenalty(penalty: Double, splitExpected: Bool) {
        let graph = Self.lattice(width: 12, height: 4)
        let bounds = DistrictingBounds(min: 100, max: 140)
        let rows = (0..<48).map { $0 / 12 }
        var search = CompactnessSearch(graph: graph, bounds: bounds, parts: 4, seed: 5)
        // Each row is a compound: rows as parts split none.
        search.groups = rows
        search.groupPenalty = penalty
        let result = search.improve(rows)
        #expect((search.splits(result) > 0) == splitExpected)
        #expect(Self.allConnected(graph, result, parts: 4))
        #expect(Self.violation(graph, result, parts: 4, bounds: bounds) == 0)
    }

    @Test("a contracted node is measured on its members, not on its centre")
    func membersCount() {
        // Two nodes joined by one edge; node 0 holds two buildings 100 m apart around the origin.
        let graph = DistrictingGraph(
            weights: [20, 10], positions: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 30, y: 0)],
            edges: [IndexPair(0, 1)])
        let members: [[CompactnessSearch.Member]] = [
            [.init(point: PlanarPoint(x: -50, y: 0), weight: 10), .init(point: PlanarPoint(x: 50, y: 0), weight: 10)],
            [.init(point: PlanarPoint(x: 30, y: 0), weight: 10)],
        ]
        let search = CompactnessSearch(graph: graph, bounds: DistrictingBounds(min: 0, max: 100), parts: 1,
                                       members: members, seed: 1)
        // One part: centroid x = 10; distances 60, 40, 20 for 10 households each.
        #expect(abs(search.cost([0, 0]) - 1_200) < 1e-3)
    }
}
