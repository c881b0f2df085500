/// Depth-first exact cover over node sets of at most 64 nodes (Knuth's Algorithm X on bit masks), with a part count
/// and branch and bound on cost.
///
/// The uncovered node with the fewest fitting clusters is covered next, its clusters tried cheapest first; a branch
/// is cut when the parts used plus the least parts the remaining weight needs exceed the count, or when its cost
/// reaches the best cover found. The search stops after `nodeLimit` branches, or `improvementLimit` branches after the
/// first cover: `proven` tells whether it finished (so that no cover proves there is none).
struct ExactCoverSearch {
    let nodeCount: Int
    let weights: [Int]
    let maximum: Int
    /// Cluster masks and costs.
    let masks: [UInt64]
    let costs: [Double]
    let nodeLimit: Int
    /// Branches allowed after the first cover is found, looking for a cheaper one.
    var improvementLimit = 1_000

    /// The best cover found with exactly `parts` clusters (indices into `masks`), and whether the search finished
    /// (so that a nil cover proves none exists).
    func solve(parts: Int) -> (cover: [Int]?, proven: Bool) {
        precondition(nodeCount <= 64, "exact cover runs on at most 64 nodes")
        let full: UInt64 = nodeCount == 64 ? ~0 : (1 << UInt64(nodeCount)) - 1
        var byNode = Array(repeating: [Int](), count: nodeCount)
        let order = masks.indices.sorted { costs[$0] != costs[$1] ? costs[$0] < costs[$1] : $0 < $1 }
        for index in order {
            var mask = masks[index]
            while mask != 0 {
                let node = mask.trailingZeroBitCount
                byNode[node].append(index)
                mask &= mask - 1
            }
        }
        var best: [Int]?
        var bestCost = Double.infinity
        var chosen: [Int] = []
        var branches = 0
        var exhausted = false
        var budget = nodeLimit
        func weight(of mask: UInt64) -> Int {
            var mask = mask
            var sum = 0
            while mask != 0 {
                sum += weights[mask.trailingZeroBitCount]
                mask &= mask - 1
            }
            return sum
        }
        func search(_ covered: UInt64, cost: Double) {
            if exhausted { return }
            if covered == full {
                if chosen.count == parts && cost < bestCost {
                    bestCost = cost
                    best = chosen
                    // Once a cover exists, only a short further search for a cheaper one.
                    budget = min(budget, branches + improvementLimit)
                }
                return
            }
            let remaining = weight(of: full & ~covered)
            let least = maximum > 0 ? (remaining + maximum - 1) / maximum : 0
            guard chosen.count + max(1, least) <= parts else { return }
            // The uncovered node with the fewest clusters that still fit.
            var pick = -1
            var pickCount = Int.max
            var open = full & ~covered
            while open != 0 {
                let node = open.trailingZeroBitCount
                open &= open - 1
                var fitting = 0
                for index in byNode[node] where masks[index] & covered == 0 {
                    fitting += 1
                    if fitting >= pickCount { break }
                }
                if fitting < pickCount {
                    pickCount = fitting
                    pick = node
                    if fitting == 0 { return }
                }
            }
            for index in byNode[pick] where masks[index] & covered == 0 {
                branches += 1
                if branches > budget {
                    exhausted = true
                    return
                }
                guard cost + costs[index] < bestCost else { continue }
                chosen.append(index)
                search(covered | masks[index], cost: cost + costs[index])
                chosen.removeLast()
                if exhausted { return }
            }
        }
        search(0, cost: 0)
        return (best, !exhausted)
    }
}
