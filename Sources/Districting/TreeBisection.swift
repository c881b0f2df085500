import GridModel
import PlanningSupport
/// Builds connected partitions by recursive random spanning-tree bisection (the ReCom / SHP idea).
///
/// A random spanning tree of a connected node set is drawn (Kruskal over seeded random edge keys); cutting one tree
/// edge splits the set into two connected pieces. An edge is taken when one piece can hold `j` parts and the other
/// `parts - j` within the bounds; both pieces are then split again. Every piece is connected by construction.
struct TreeBisection {
    let graph: DistrictingGraph
    let bounds: DistrictingBounds
    var random: SplitMix64
    /// Spanning trees left to draw in this run; bounds the work of a hopeless search.
    var budget: Int
    /// When to give up regardless of the budget.
    var deadline: Deadline?
    private var local: [Int]

    init(graph: DistrictingGraph, bounds: DistrictingBounds, seed: UInt64, budget: Int) {
        self.graph = graph
        self.bounds = bounds
        random = SplitMix64(seed: seed)
        self.budget = budget
        local = Array(repeating: -1, count: graph.nodeCount)
    }

    /// A random spanning tree of the connected set `nodes`: the nodes in breadth-first order from the root and each
    /// one's parent position in that order (-1 for the root); nil when `nodes` is not connected.
    mutating func randomTree(_ nodes: [Int]) -> (order: [Int], parent: [Int])? {
        for (index, node) in nodes.enumerated() {
            local[node] = index
        }
        defer {
            for node in nodes {
                local[node] = -1
            }
        }
        var keyed: [(key: UInt64, a: Int, b: Int)] = []
        for (index, node) in nodes.enumerated() {
            for next in graph.neighbours[node] where local[next] > index {
                keyed.append((random.next(), index, local[next]))
            }
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : ($0.a, $0.b) < ($1.a, $1.b) }
        let tree = SpanningTree(nodeCount: nodes.count, edgesInOrder: keyed.lazy.map { IndexPair($0.a, $0.b) })
        guard tree.spansAll else { return nil }
        let (parentLocal, order) = tree.rooted(at: random.below(nodes.count))
        var position = Array(repeating: 0, count: nodes.count)
        for (index, u) in order.enumerated() {
            position[u] = index
        }
        let parents = order.map { parentLocal[$0] < 0 ? -1 : position[parentLocal[$0]] }
        return (order.map { nodes[$0] }, parents)
    }

    /// The weight of each subtree (indexed like `order`) and its node count.
    func subtreeTotals(order: [Int], parent: [Int]) -> (weight: [Int], size: [Int]) {
        var weight = order.map { graph.weights[$0] }
        var size = Array(repeating: 1, count: order.count)
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            weight[parent[index]] += weight[index]
            size[parent[index]] += size[index]
        }
        return (weight, size)
    }

    /// The nodes of the subtree rooted at position `cut` of `order`, and the rest.
    func sides(order: [Int], parent: [Int], cut: Int) -> (inside: [Int], outside: [Int]) {
        var inside = Array(repeating: false, count: order.count)
        var a: [Int] = []
        var b: [Int] = []
        for index in order.indices {
            inside[index] = index == cut || (parent[index] >= 0 && inside[parent[index]])
            if inside[index] { a.append(order[index]) } else { b.append(order[index]) }
        }
        return (a, b)
    }

    /// A partition of the connected set `nodes` into `parts` connected pieces within the bounds, or nil when none was
    /// found within the budget.
    mutating func partition(_ nodes: [Int], parts: Int) -> [[Int]]? {
        let total = nodes.reduce(0) { $0 + graph.weights[$1] }
        guard parts >= 1, nodes.count >= parts, bounds.admits(total, parts: parts) else { return nil }
        if parts == 1 {
            return [nodes]
        }
        while budget > 0 {
            budget -= 1
            if budget % 64 == 0, deadline?.passed ?? false {
                budget = 0
                return nil
            }
            guard let (order, parent) = randomTree(nodes) else { return nil }
            let (weight, size) = subtreeTotals(order: order, parent: parent)
            var candidates: [(cut: Int, share: Int)] = []
            for index in 1..<order.count {
                for share in 1..<parts where size[index] >= share && order.count - size[index] >= parts - share {
                    if bounds.admits(weight[index], parts: share)
                        && bounds.admits(total - weight[index], parts: parts - share)
                    {
                        candidates.append((index, share))
                    }
                }
            }
            guard !candidates.isEmpty else { continue }
            let pick = candidates[random.below(candidates.count)]
            let (inside, outside) = sides(order: order, parent: parent, cut: pick.cut)
            guard let first = partition(inside, parts: pick.share) else { continue }
            guard let second = partition(outside, parts: parts - pick.share) else { continue }
            return first + second
        }
        return nil
    }

    /// A partition of the connected set `nodes` into `parts` connected pieces that misses the bounds by as little as
    /// the drawn trees allow (used only when `partition` finds nothing).
    mutating func nearestPartition(_ nodes: [Int], parts: Int, trees: Int) -> [[Int]] {
        guard parts > 1, nodes.count > 1 else { return [nodes] }
        let parts = min(parts, nodes.count)
        let total = nodes.reduce(0) { $0 + graph.weights[$1] }
        func miss(_ weight: Int, _ share: Int) -> Int {
            max(0, share * bounds.min - weight, weight - share * bounds.max)
        }
        var best: (miss: Int, balance: Int, inside: [Int], outside: [Int], share: Int)?
        // Past the deadline each level draws one tree: a plan still comes out, in time.
        let trees = deadline?.passed ?? false ? 1 : trees
        for _ in 0..<max(1, trees) {
            guard let (order, parent) = randomTree(nodes) else { break }
            let (weight, size) = subtreeTotals(order: order, parent: parent)
            for index in 1..<order.count {
                for share in 1..<parts where size[index] >= share && order.count - size[index] >= parts - share {
                    let value = miss(weight[index], share) + miss(total - weight[index], parts - share)
                    // Among equal misses, prefer the cut closest to proportional shares.
                    let balance = abs(weight[index] * parts - total * share)
                    if best == nil || (value, balance) < (best?.miss ?? 0, best?.balance ?? 0) {
                        let (inside, outside) = sides(order: order, parent: parent, cut: index)
                        best = (value, balance, inside, outside, share)
                    }
                }
            }
        }
        guard let best else { return [nodes] }
        return nearestPartition(best.inside, parts: best.share, trees: trees)
            + nearestPartition(best.outside, parts: parts - best.share, trees: trees)
    }
}
