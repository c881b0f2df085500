import GridModel
import PlanningSupport

/// Packs one grid's atoms into connected micro-grids within the micro bounds, as few as it can find, by dynamic
/// programming over seeded spanning trees.
///
/// Atoms are whole buildings, stairwell units, and single floors of units above the micro maximum; the floors of one
/// unit form a fixed path of the tree, so every micro-grid takes consecutive floors of a unit (bands of whole
/// floors), cut where the bounds need it. Every tree edge joins atoms of one building or of neighbouring buildings,
/// so every subtree is a connected set of buildings. On a tree, the fewest parts within `[min, max]` follow from one
/// pass: for each node and each weight `w ≤ max` of the part still open at that node, the fewest closed parts below
/// (a child's open part either joins the node's or closes on its own). Weights never exceed the micro maximum, so a
/// pass costs O(n · max²). Different trees allow different cuts; the best of `trees` seeded trees is kept, and the
/// search stops once a tree reaches `⌈households / max⌉` parts.
struct MicroGridPacker {
    let bounds: DistrictingBounds
    let seed: UInt64
    var trees = 32

    /// The part of each atom (numbered from 0), or nil when no tree gives a valid packing.
    ///
    /// - Parameters:
    ///   - weights: households of each atom.
    ///   - buildingOf: the building (0..<buildingPositions.count) of each atom.
    ///   - chains: atoms of one unit's floors in floor order (each atom in at most one chain).
    ///   - buildingPositions: where each building stands (shorter edges are preferred in the trees).
    ///   - buildingEdges: neighbouring buildings.
    /// - Complexity: O(trees · (n · max² + m log m)) for n atoms and m building edges.
    func pack(weights: [Int], buildingOf: [Int], chains: [[Int]], buildingPositions: [PlanarPoint],
              buildingEdges: [IndexPair]) -> (labels: [Int], count: Int)? {
        let n = weights.count
        guard n > 0, bounds.max >= 1, weights.allSatisfy({ $0 >= 0 && $0 <= bounds.max }) else { return nil }
        let total = weights.reduce(0, +)
        let least = max(1, (total + bounds.max - 1) / bounds.max)
        // Pieces per building: a chain of floors, or one atom.
        var chainOf = Array(repeating: -1, count: n)
        for (index, chain) in chains.enumerated() {
            for atom in chain { chainOf[atom] = index }
        }
        var pieces = Array(repeating: [[Int]](), count: buildingPositions.count)
        var seenChain = Set<Int>()
        for atom in 0..<n {
            let chain = chainOf[atom]
            if chain < 0 {
                pieces[buildingOf[atom]].append([atom])
            } else if seenChain.insert(chain).inserted {
                pieces[buildingOf[atom]].append(chains[chain])
            }
        }
        var best: (labels: [Int], count: Int)?
        for tree in 0..<trees {
            var random = SplitMix64(seed: SplitMix64.mix(seed, UInt64(tree) &+ 0x4D49_4352))
            guard let adjacency = randomTree(n: n, chains: chains, pieces: pieces, positions: buildingPositions,
                                             edges: buildingEdges, random: &random)
            else { return nil }
            guard let found = bestPacking(weights: weights, adjacency: adjacency, root: random.below(n)) else {
                continue
            }
            if best == nil || found.count < (best?.count ?? 0) { best = found }
            if found.count <= least { break }
        }
        return best
    }

    /// A random spanning tree of the atoms: chains as paths, each building's pieces joined at random atoms,
    /// buildings joined along a seeded Kruskal tree of their edges (short edges first, with noise). Nil when the
    /// buildings are not connected.
    private func randomTree(n: Int, chains: [[Int]], pieces: [[[Int]]], positions: [PlanarPoint], edges: [IndexPair],
                            random: inout SplitMix64) -> [[Int]]? {
        var adjacency = Array(repeating: [Int](), count: n)
        func join(_ a: Int, _ b: Int) {
            adjacency[a].append(b)
            adjacency[b].append(a)
        }
        for chain in chains {
            for (a, b) in zip(chain, chain.dropFirst()) { join(a, b) }
        }
        // Bands are cut most freely from a chain's ends: a join lands on the lowest or the highest floor half of
        // the time, else anywhere.
        func attach(_ piece: [Int]) -> Int {
            switch random.below(4) {
            case 0: return piece[0]
            case 1: return piece[piece.count - 1]
            default: return piece[random.below(piece.count)]
            }
        }
        for own in pieces {
            for index in own.indices.dropFirst() {
                join(attach(own[index]), attach(own[random.below(index)]))
            }
        }
        let keyed = edges.map { edge -> (key: Double, edge: IndexPair) in
            let length = positions[edge.first].distance(to: positions[edge.second])
            return ((length + 1) * (0.5 + Double(random.below(1 << 20)) / Double(1 << 20)), edge)
        }.sorted { ($0.key, $0.edge) < ($1.key, $1.edge) }
        var sets = UnionFind(count: positions.count)
        var joined = 0
        for (_, edge) in keyed where sets.unite(edge.first, edge.second) {
            joined += 1
            let left = pieces[edge.first], right = pieces[edge.second]
            guard !left.isEmpty, !right.isEmpty else { continue }
            join(attach(left[random.below(left.count)]), attach(right[random.below(right.count)]))
        }
        guard joined == positions.count - 1 else { return nil }
        return adjacency
    }

    /// The fewest parts within the bounds that cutting edges of the tree gives, and the labels; nil when none.
    private func bestPacking(weights: [Int], adjacency: [[Int]], root: Int) -> (labels: [Int], count: Int)? {
        let n = weights.count
        let cap = bounds.max
        let low = max(1, bounds.min)
        let infinity = Int32.max / 4
        let (parent, order) = SpanningTree.breadthFirst(adjacency, from: root)
        guard order.count == n else { return nil }
        var children = Array(repeating: [Int](), count: n)
        for node in order.dropFirst() { children[parent[node]].append(node) }
        // open[v][w]: fewest closed parts in v's subtree when the part holding v weighs w so far.
        var open = Array(repeating: [Int32](), count: n)
        var closed = Array(repeating: infinity, count: n)
        var closedAt = Array(repeating: -1, count: n)
        // choice[v][i][w]: how child i was taken to reach w: -1 cut off, else the child's open weight joined.
        var choice = Array(repeating: [[Int16]](), count: n)
        for node in order.reversed() {
            var state = Array(repeating: infinity, count: cap + 1)
            state[weights[node]] = 0
            var picks: [[Int16]] = []
            for child in children[node] {
                var next = Array(repeating: infinity, count: cap + 1)
                var pick = Array(repeating: Int16(-2), count: cap + 1)
                let childOpen = open[child], childClosed = closed[child]
                let reachable = (0...cap).filter { childOpen[$0] < infinity }
                for w in 0...cap where state[w] < infinity {
                    if childClosed < infinity && state[w] + childClosed < next[w] {
                        next[w] = state[w] + childClosed
                        pick[w] = -1
                    }
                    for b in reachable {
                        guard w + b <= cap else { break }
                        if state[w] + childOpen[b] < next[w + b] {
                            next[w + b] = state[w] + childOpen[b]
                            pick[w + b] = Int16(b)
                        }
                    }
                }
                state = next
                picks.append(pick)
                open[child] = []
            }
            for w in low...cap where state[w] < infinity && state[w] + 1 < closed[node] {
                closed[node] = state[w] + 1
                closedAt[node] = w
            }
            open[node] = state
            choice[node] = picks
        }
        guard closed[root] < infinity else { return nil }
        var labels = Array(repeating: -1, count: n)
        var count = 1
        var stack: [(node: Int, weight: Int, label: Int)] = [(root, closedAt[root], 0)]
        while let (node, target, label) = stack.popLast() {
            labels[node] = label
            var weight = target
            for (index, child) in children[node].enumerated().reversed() {
                let pick = Int(choice[node][index][weight])
                if pick == -1 {
                    stack.append((child, closedAt[child], count))
                    count += 1
                } else if pick >= 0 {
                    stack.append((child, pick, label))
                    weight -= pick
                } else {
                    return nil
                }
            }
            guard weight == weights[node] else { return nil }
        }
        return (labels, count)
    }
}
