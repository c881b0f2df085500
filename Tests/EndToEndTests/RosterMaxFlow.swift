/// Dinic's maximum flow, the tests' own, for the scarcity test's upper bound.
struct RosterMaxFlow {
    private struct Edge {
        let to: Int
        var capacity: Int
    }

    private var edges: [Edge] = []
    private var adjacency: [[Int]]

    init(nodes: Int) { adjacency = Array(repeating: [], count: nodes) }

    /// Adds a node and returns its index.
    mutating func addNode() -> Int {
        adjacency.append([])
        return adjacency.count - 1
    }

    mutating func addEdge(_ from: Int, _ to: Int, _ capacity: Int) {
        guard capacity > 0 else { return }
        adjacency[from].append(edges.count)
        edges.append(Edge(to: to, capacity: capacity))
        adjacency[to].append(edges.count)
        edges.append(Edge(to: from, capacity: 0))
    }

    /// The maximum flow from `source` to `sink`.
    /// - Complexity: O(V² E) in the worst case; far less on these layered networks.
    mutating func maximumFlow(from source: Int, to sink: Int) -> Int {
        var total = 0
        while true {
            var level = Array(repeating: -1, count: adjacency.count)
            level[source] = 0
            var queue = [source]
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for id in adjacency[node] where edges[id].capacity > 0 && level[edges[id].to] < 0 {
                    level[edges[id].to] = level[node] + 1
                    queue.append(edges[id].to)
                }
            }
            guard level[sink] >= 0 else { return total }
            var next = Array(repeating: 0, count: adjacency.count)
            while true {
                let pushed = push(source, sink, Int.max, &level, &next)
                if pushed == 0 { break }
                total += pushed
            }
        }
    }

    private mutating func push(_ node: Int, _ sink: Int, _ limit: Int, _ level: inout [Int], _ next: inout [Int]) -> Int
    {
        if node == sink { return limit }
        while next[node] < adjacency[node].count {
            let id = adjacency[node][next[node]]
            let to = edges[id].to
            if edges[id].capacity > 0 && level[to] == level[node] + 1 {
                let pushed = push(to, sink, min(limit, edges[id].capacity), &level, &next)
                if pushed > 0 {
                    edges[id].capacity -= pushed
                    edges[id ^ 1].capacity += pushed
                    return pushed
                }
            }
            next[node] += 1
        }
        return 0
    }
}
