import GridModel
import PlanningSupport

/// An undirected graph of atoms to be districted: a weight (households, population) and optionally a position per
/// node, and the neighbour pairs that contiguity is measured on.
public struct DistrictingGraph: Sendable, Hashable {
    /// The weight of each node (households or population), never negative.
    public let weights: [Int]
    /// The planar position of each node in metres, when known (needed by the inertia objective).
    public let positions: [PlanarPoint]?
    /// The neighbour pairs, sorted, without self-pairs or repeats.
    public let edges: [IndexPair]
    /// The sorted neighbours of each node.
    public let neighbours: [[Int]]

    /// A graph of `weights.count` nodes; pairs naming a node out of range, self-pairs and repeats are dropped.
    public init(weights: [Int], positions: [PlanarPoint]? = nil, edges: some Sequence<IndexPair>) {
        self.weights = weights
        self.positions = positions?.count == weights.count ? positions : nil
        let count = weights.count
        let unique = Set(edges.filter { $0.first != $0.second && $0.first >= 0 && $0.second < count })
        self.edges = unique.sorted()
        var lists = Array(repeating: [Int](), count: count)
        for edge in self.edges {
            lists[edge.first].append(edge.second)
            lists[edge.second].append(edge.first)
        }
        neighbours = lists.map { $0.sorted() }
    }

    /// The number of nodes.
    public var nodeCount: Int { weights.count }

    /// The sum of all weights.
    public var totalWeight: Int { weights.reduce(0, +) }

    /// The connected components, each sorted, ordered by their smallest node.
    ///
    /// - Complexity: O(n + m).
    public var components: [[Int]] {
        var seen = Array(repeating: false, count: nodeCount)
        var result: [[Int]] = []
        for start in 0..<nodeCount where !seen[start] {
            seen[start] = true
            let component = BreadthFirstSearch.reach(from: start, neighbours: { neighbours[$0] }) { next, _ in
                guard !seen[next] else { return false }
                seen[next] = true
                return true
            }
            result.append(component.sorted())
        }
        return result
    }

    /// Whether the nodes with `part[node] == label` form one connected piece (false when there are none).
    ///
    /// - Complexity: O(n + m).
    public func isConnected(part label: Int, in part: [Int]) -> Bool {
        guard let start = part.firstIndex(of: label) else { return false }
        var seen = Array(repeating: false, count: nodeCount)
        seen[start] = true
        var stack = [start]
        var reached = 1
        while let node = stack.popLast() {
            for next in neighbours[node] where !seen[next] && part[next] == label {
                seen[next] = true
                reached += 1
                stack.append(next)
            }
        }
        return reached == part.reduce(0) { $0 + ($1 == label ? 1 : 0) }
    }

    /// The number of edges whose ends lie in different parts.
    public func cutEdges(_ part: [Int]) -> Int {
        edges.reduce(0) { $0 + (part[$1.first] != part[$1.second] ? 1 : 0) }
    }

    /// The moment of inertia: Σ weight × squared distance (m²) to the weighted centroid of the node's part.
    ///
    /// A part of zero weight has its plain centroid. Returns 0 without positions.
    public func inertia(_ part: [Int], parts: Int) -> Double {
        guard let positions else { return 0 }
        var sumX = Array(repeating: 0.0, count: parts)
        var sumY = Array(repeating: 0.0, count: parts)
        var mass = Array(repeating: 0.0, count: parts)
        for node in 0..<nodeCount where part[node] >= 0 && part[node] < parts {
            let w = Double(max(weights[node], 0)) + 1e-9
            sumX[part[node]] += w * positions[node].x
            sumY[part[node]] += w * positions[node].y
            mass[part[node]] += w
        }
        var total = 0.0
        for node in 0..<nodeCount where part[node] >= 0 && part[node] < parts {
            let p = part[node]
            let dx = positions[node].x - sumX[p] / mass[p]
            let dy = positions[node].y - sumY[p] / mass[p]
            total += Double(weights[node]) * (dx * dx + dy * dy)
        }
        return total
    }
}
