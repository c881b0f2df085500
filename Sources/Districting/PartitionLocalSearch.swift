import GridModel
import PlanningSupport
/// Improves a connected partition while keeping every part connected: single-node moves across part boundaries
/// (never removing an articulation point of its part) and ReCom moves (merge two neighbouring parts, redraw their
/// boundary along a random spanning tree).
///
/// Candidates are ranked by (total bound violation, objective), so a partition outside the bounds is first pulled
/// into them, then made more compact. A move is taken when it does not make the rank worse; plateau moves let the
/// search wander among equally good partitions. Everything is driven by a seeded generator.
struct PartitionLocalSearch {
    let graph: DistrictingGraph
    let bounds: DistrictingBounds
    let objective: DistrictingObjective
    let parts: Int
    private(set) var part: [Int]
    private(set) var weight: [Int]
    private(set) var count: [Int]
    private(set) var cut: Int
    // Inertia aggregates per part: Σw, Σw·x, Σw·y, Σw·(x²+y²).
    private var massSum: [Double]
    private var xSum: [Double]
    private var ySum: [Double]
    private var squareSum: [Double]
    /// A reference labelling (the current plan) and the cost per unit of weight of leaving it: the stability term.
    var anchor: [Int]?
    var anchorWeight: Double = 0
    /// The two parts of the ReCom step under evaluation.
    private var pendingPair: (Int, Int)?
    private var tree: TreeBisection
    private var random: SplitMix64
    private var stamp: [Int]
    private var stampValue = 0

    init(graph: DistrictingGraph, bounds: DistrictingBounds, objective: DistrictingObjective, parts: Int,
         part: [Int], seed: UInt64) {
        self.graph = graph
        self.bounds = bounds
        self.objective = objective
        self.parts = parts
        self.part = part
        weight = Array(repeating: 0, count: parts)
        count = Array(repeating: 0, count: parts)
        massSum = Array(repeating: 0, count: parts)
        xSum = Array(repeating: 0, count: parts)
        ySum = Array(repeating: 0, count: parts)
        squareSum = Array(repeating: 0, count: parts)
        cut = graph.cutEdges(part)
        tree = TreeBisection(graph: graph, bounds: bounds, seed: seed ^ 0x5DEE_CE66, budget: Int.max)
        random = SplitMix64(seed: seed)
        stamp = Array(repeating: 0, count: graph.nodeCount)
        for node in 0..<graph.nodeCount {
            add(node, to: part[node])
        }
    }

    private mutating func add(_ node: Int, to p: Int) {
        weight[p] += graph.weights[node]
        count[p] += 1
        guard let positions = graph.positions else { return }
        let w = Double(graph.weights[node])
        let point = positions[node]
        massSum[p] += w
        xSum[p] += w * point.x
        ySum[p] += w * point.y
        squareSum[p] += w * (point.x * point.x + point.y * point.y)
    }

    private mutating func remove(_ node: Int, from p: Int) {
        weight[p] -= graph.weights[node]
        count[p] -= 1
        guard let positions = graph.positions else { return }
        let w = Double(graph.weights[node])
        let point = positions[node]
        massSum[p] -= w
        xSum[p] -= w * point.x
        ySum[p] -= w * point.y
        squareSum[p] -= w * (point.x * point.x + point.y * point.y)
    }

    private static func inertia(mass: Double, x: Double, y: Double, square: Double) -> Double {
        mass > 1e-12 ? max(0, square - (x * x + y * y) / mass) : 0
    }

    private func partInertia(_ p: Int) -> Double {
        Self.inertia(mass: massSum[p], x: xSum[p], y: ySum[p], square: squareSum[p])
    }

    /// The total amount by which part weights miss the bounds.
    var violation: Int { weight.reduce(0) { $0 + bounds.violation($1) } }

    /// The objective value of the current partition.
    var objectiveValue: Double {
        switch objective {
        case .cutEdges: Double(cut)
        case .inertia: (0..<parts).reduce(0) { $0 + partInertia($1) } + anchorCost(part)
        }
    }

    /// The stability term of a labelling: weight of the nodes away from their anchor part × `anchorWeight`.
    func anchorCost(_ labels: [Int]) -> Double {
        guard let anchor, anchorWeight > 0 else { return 0 }
        var moved = 0
        for node in 0..<graph.nodeCount where labels[node] != anchor[node] {
            moved += graph.weights[node]
        }
        return anchorWeight * Double(moved)
    }

    /// Whether removing `node` from its part leaves the rest of the part connected.
    private mutating func removalKeepsConnected(_ node: Int) -> Bool {
        let p = part[node]
        let inside = graph.neighbours[node].filter { part[$0] == p }
        guard let first = inside.first else { return count[p] == 1 }
        if inside.count == 1 { return true }
        stampValue += 1
        stamp[node] = stampValue
        stamp[first] = stampValue
        var stack = [first]
        var pending = inside.count - 1
        while let u = stack.popLast() {
            for v in graph.neighbours[u] where part[v] == p && stamp[v] != stampValue {
                stamp[v] = stampValue
                if inside.contains(v) {
                    pending -= 1
                    if pending == 0 { return true }
                }
                stack.append(v)
            }
        }
        return false
    }

    /// One pass of improving single-node moves; returns whether anything moved.
    mutating func movePass() -> Bool {
        var moved = false
        var order = Array(0..<graph.nodeCount)
        order.shuffle(using: &random)
        for node in order {
            let a = part[node]
            guard count[a] > 1 else { continue }
            var targets: [Int] = []
            for next in graph.neighbours[node] where part[next] != a && !targets.contains(part[next]) {
                targets.append(part[next])
            }
            guard !targets.isEmpty else { continue }
            let w = graph.weights[node]
            var best: (viol: Int, gain: Double, target: Int)?
            for b in targets.sorted() {
                let deltaViolation = bounds.violation(weight[a] - w) + bounds.violation(weight[b] + w)
                    - bounds.violation(weight[a]) - bounds.violation(weight[b])
                let delta = objectiveDelta(node, from: a, to: b)
                if deltaViolation < 0 || (deltaViolation == 0 && delta < -1e-9) {
                    if best == nil || (deltaViolation, delta) < (best?.viol ?? 0, best?.gain ?? 0) {
                        best = (deltaViolation, delta, b)
                    }
                }
            }
            guard let best, removalKeepsConnected(node) else { continue }
            apply(node, to: best.target)
            moved = true
        }
        return moved
    }

    private mutating func apply(_ node: Int, to b: Int) {
        let a = part[node]
        for next in graph.neighbours[node] {
            if part[next] == a { cut += 1 } else if part[next] == b { cut -= 1 }
        }
        remove(node, from: a)
        add(node, to: b)
        part[node] = b
    }

    private func objectiveDelta(_ node: Int, from a: Int, to b: Int) -> Double {
        switch objective {
        case .cutEdges:
            var delta = 0
            for next in graph.neighbours[node] {
                if part[next] == a { delta += 1 } else if part[next] == b { delta -= 1 }
            }
            return Double(delta)
        case .inertia:
            guard let positions = graph.positions else { return 0 }
            let w = Double(graph.weights[node])
            let point = positions[node]
            let square = point.x * point.x + point.y * point.y
            let before = partInertia(a) + partInertia(b)
            let afterA = Self.inertia(mass: massSum[a] - w, x: xSum[a] - w * point.x, y: ySum[a] - w * point.y,
                                      square: squareSum[a] - w * square)
            let afterB = Self.inertia(mass: massSum[b] + w, x: xSum[b] + w * point.x, y: ySum[b] + w * point.y,
                                      square: squareSum[b] + w * square)
            var stability = 0.0
            if let anchor, anchorWeight > 0 {
                stability = anchorWeight * w * ((b != anchor[node] ? 1 : 0) - (a != anchor[node] ? 1 : 0))
            }
            return afterA + afterB - before + stability
        }
    }

    /// One ReCom attempt on a random pair of neighbouring parts; returns whether the partition changed.
    mutating func recomStep(trees: Int) -> Bool {
        let crossing = graph.edges.filter { part[$0.first] != part[$0.second] }
        guard !crossing.isEmpty else { return false }
        let edge = crossing[random.below(crossing.count)]
        let a = part[edge.first], b = part[edge.second]
        pendingPair = (a, b)
        let nodes = (0..<graph.nodeCount).filter { part[$0] == a || part[$0] == b }
        let total = weight[a] + weight[b]
        let currentViolation = bounds.violation(weight[a]) + bounds.violation(weight[b])
        var internalCut = 0
        for node in nodes {
            for next in graph.neighbours[node] where next > node && (part[next] == a || part[next] == b) {
                if part[next] != part[node] { internalCut += 1 }
            }
        }
        let currentScore = objective == .cutEdges
            ? Double(internalCut) : partInertia(a) + partInertia(b) + pairAnchorCost(nodes, insideLabel: a, labels: nil)
        var best: (viol: Int, score: Double, inside: [Int])?
        for _ in 0..<trees {
            guard let (order, parent) = tree.randomTree(nodes) else { return false }
            let (subWeight, _) = tree.subtreeTotals(order: order, parent: parent)
            var candidates: [Int] = []
            for index in 1..<order.count {
                let viol = bounds.violation(subWeight[index]) + bounds.violation(total - subWeight[index])
                if viol <= currentViolation { candidates.append(index) }
            }
            candidates.shuffle(using: &random)
            for cutIndex in candidates.prefix(6) {
                let (inside, _) = tree.sides(order: order, parent: parent, cut: cutIndex)
                let viol = bounds.violation(subWeight[cutIndex]) + bounds.violation(total - subWeight[cutIndex])
                let score = splitScore(nodes: nodes, inside: inside)
                if best == nil || (viol, score) < (best?.viol ?? 0, best?.score ?? 0) {
                    best = (viol, score, inside)
                }
            }
        }
        guard let best, (best.viol, best.score) <= (currentViolation, currentScore + 1e-9) else { return false }
        let insideSet = Set(best.inside)
        var changed = false
        for node in nodes {
            let target = insideSet.contains(node) ? a : b
            if part[node] != target {
                changed = true
                for next in graph.neighbours[node] {
                    if part[next] == part[node] { cut += 1 } else if part[next] == target { cut -= 1 }
                }
                remove(node, from: part[node])
                add(node, to: target)
                part[node] = target
            }
        }
        return changed
    }

    /// The objective contribution of splitting `nodes` into `inside` and the rest.
    private func splitScore(nodes: [Int], inside: [Int]) -> Double {
        let insideSet = Set(inside)
        switch objective {
        case .cutEdges:
            var internalCut = 0
            let nodeSet = Set(nodes)
            for node in nodes {
                for next in graph.neighbours[node] where next > node && nodeSet.contains(next) {
                    if insideSet.contains(next) != insideSet.contains(node) { internalCut += 1 }
                }
            }
            return Double(internalCut)
        case .inertia:
            guard let positions = graph.positions else { return 0 }
            var sums = [[Double]](repeating: [0, 0, 0, 0], count: 2)
            for node in nodes {
                let side = insideSet.contains(node) ? 0 : 1
                let w = Double(graph.weights[node])
                let point = positions[node]
                sums[side][0] += w
                sums[side][1] += w * point.x
                sums[side][2] += w * point.y
                sums[side][3] += w * (point.x * point.x + point.y * point.y)
            }
            return sums.reduce(0) { $0 + Self.inertia(mass: $1[0], x: $1[1], y: $1[2], square: $1[3]) }
                + pairAnchorCost(nodes, insideLabel: -1, labels: insideSet)
        }
    }

    /// The stability term over `nodes`: with `labels` nil the current labelling; otherwise nodes in `labels` go to
    /// the smaller of the two labels involved and the rest to the other (as `recomStep` applies it).
    private func pairAnchorCost(_ nodes: [Int], insideLabel: Int, labels: Set<Int>?) -> Double {
        guard let anchor, anchorWeight > 0 else { return 0 }
        guard let labels else {
            return anchorWeight * Double(nodes.reduce(0) { $0 + (part[$1] != anchor[$1] ? graph.weights[$1] : 0) })
        }
        guard let a = pendingPair?.0, let b = pendingPair?.1 else { return 0 }
        return anchorWeight * Double(nodes.reduce(0) { sum, node in
            let label = labels.contains(node) ? a : b
            return sum + (label != anchor[node] ? graph.weights[node] : 0)
        })
    }

    private mutating func settle() {
        repeat {
            while movePass() {}
        } while swapPass()
    }

    /// Whether the nodes of part `label` form one connected piece, given a tentative labelling.
    private func connected(_ label: Int, in labels: [Int]) -> Bool {
        graph.isConnected(part: label, in: labels)
    }

    /// One pass of pair swaps across part boundaries that reduce the bound violation (single moves cannot fix a
    /// part that is a few hundred short when every boundary node weighs thousands); returns whether anything moved.
    mutating func swapPass() -> Bool {
        guard violation > 0 else { return false }
        var moved = false
        let boundary = (0..<graph.nodeCount).filter { node in graph.neighbours[node].contains { part[$0] != part[node] } }
        for u in boundary {
            for v in boundary where v != u && part[v] != part[u] {
                let a = part[u], b = part[v]
                guard graph.neighbours[u].contains(where: { part[$0] == b })
                    || graph.neighbours[v].contains(where: { part[$0] == a }) else { continue }
                let delta = graph.weights[v] - graph.weights[u]
                let before = bounds.violation(weight[a]) + bounds.violation(weight[b])
                let after = bounds.violation(weight[a] + delta) + bounds.violation(weight[b] - delta)
                guard after < before else { continue }
                var labels = part
                labels[u] = b
                labels[v] = a
                guard connected(a, in: labels), connected(b, in: labels) else { continue }
                apply(u, to: b)
                apply(v, to: a)
                moved = true
                if violation == 0 { return true }
            }
        }
        return moved
    }

    /// Runs move passes to a local optimum, then `recomSteps` ReCom attempts, each followed by move passes.
    ///
    /// With `patience`, stops once that many steps in a row have not improved the rank (violation, objective).
    mutating func improve(recomSteps: Int, treesPerStep: Int = 3, deadline: Deadline? = nil, patience: Int? = nil) {
        settle()
        var step = 0
        var best = (violation, objectiveValue)
        var idle = 0
        while step < recomSteps, !(deadline?.passed ?? false) {
            step += 1
            if let patience {
                let now = (violation, objectiveValue)
                if now.0 < best.0 || (now.0 == best.0 && now.1 < best.1 - 1e-9) {
                    best = now
                    idle = 0
                } else {
                    idle += 1
                    if idle > patience { break }
                }
            }
            // Far more trees while the bounds are missed: balanced cuts are rare under tight bounds.
            if recomStep(trees: violation > 0 ? treesPerStep * 10 : treesPerStep) {
                settle()
            }
        }
    }
}
