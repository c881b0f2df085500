/// A spanning tree (or forest) of a graph, as adjacency lists, and walks over it.
public struct SpanningTree: Sendable {
    /// The tree's neighbours of each node.
    public let adjacency: [[Int]]
    /// Tree edges taken.
    public let edgeCount: Int

    /// Kruskal's tree: the edges taken in the order given (cheapest first), each kept when it joins two components.
    /// - Complexity: O(m α(n)) for n nodes and m edges.
    public init(nodeCount: Int, edgesInOrder: some Sequence<IndexPair>) {
        var sets = UnionFind(count: nodeCount)
        var adjacency = Array(repeating: [Int](), count: nodeCount)
        var taken = 0
        for edge in edgesInOrder where taken < nodeCount - 1 && sets.unite(edge.first, edge.second) {
            adjacency[edge.first].append(edge.second)
            adjacency[edge.second].append(edge.first)
            taken += 1
        }
        self.adjacency = adjacency
        edgeCount = taken
    }

    /// Whether the tree reaches every node.
    public var spansAll: Bool { edgeCount == adjacency.count - 1 }

    /// The breadth-first walk from `root`: each node's parent (-1 for the root and for nodes the tree does not
    /// reach) and the order nodes were reached in, the root first.
    /// - Complexity: O(n).
    public func rooted(at root: Int) -> (parent: [Int], order: [Int]) {
        Self.breadthFirst(adjacency, from: root)
    }

    /// The breadth-first walk of any adjacency lists from `root`, as ``rooted(at:)`` gives it.
    /// - Complexity: O(n + m).
    public static func breadthFirst(_ adjacency: [[Int]], from root: Int) -> (parent: [Int], order: [Int]) {
        var parent = Array(repeating: -1, count: adjacency.count)
        var seen = Array(repeating: false, count: adjacency.count)
        seen[root] = true
        let order = BreadthFirstSearch.reach(from: root, neighbours: { adjacency[$0] }) { next, node in
            guard !seen[next] else { return false }
            seen[next] = true
            parent[next] = node
            return true
        }
        return (parent, order)
    }
}
