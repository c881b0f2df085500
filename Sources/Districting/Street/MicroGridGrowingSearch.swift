import GridModel
import PlanningSupport

/// Looks for a packing of one grid's atoms into exactly `parts` connected micro-grids within the bounds by growing
/// the micro-grids one after another, where the tree packer (``MicroGridPacker``) and the exact cover on at most 64
/// atoms (``MicroGridCountCheck``) give no answer: grids of 450–500 households with tall units cut into a hundred
/// single floors, whose fewest micro-grids leave a few households of room in all.
///
/// The atoms are ranked in breadth-first order of their buildings from one edge of the grid, so that the
/// micro-grids peel the grid from that side and the rest stays in one piece. Each step takes the lowest-ranked
/// unassigned atom with households and enumerates the connected sets of unassigned atoms holding it (each once:
/// a candidate passed over stays out of that branch), fuller sets first; a set is a micro-grid when its households
/// lie within the bounds and it wastes no more of `parts · max − households` than is left. Two prunings keep the
/// depth-first search small where the room is tight:
/// - the room: micro-grids closed so far waste `max − households` each, and the total may not exceed the room;
/// - the rest: every connected piece of the unassigned atoms needs ⌈w / max⌉ … ⌊w / min⌋ micro-grids of its own,
///   and the pieces' counts must be able to add up to the micro-grids left.
///
/// A micro-grid is connected when its buildings are (atoms of one building count as together) and takes
/// consecutive floors of a unit. It enters a unit's floors only at an end of a run of unassigned floors and then
/// extends floor by floor, which narrows the model: a finished search without a packing proves nothing, so the
/// search only ever finds packings (proofs stay with ``MicroGridCountCheck``). The work is capped by a count of
/// search nodes, so the answer does not depend on the machine.
struct MicroGridGrowingSearch {
    let bounds: DistrictingBounds
    /// Households of each atom.
    let weights: [Int]
    /// The building (0..<buildingPositions.count) of each atom.
    let buildingOf: [Int]
    /// Atoms of one unit's floors in floor order (each atom in at most one chain).
    let chains: [[Int]]
    /// Neighbouring buildings.
    let buildingEdges: [IndexPair]
    /// Where each building stands (for the ranking's starting edge).
    let buildingPositions: [PlanarPoint]
    /// Search nodes (sets grown and micro-grids closed) per starting edge.
    var nodeLimit = 100_000
    /// Starting edges tried: the building farthest from the grid's centre, then each time the building farthest
    /// from the starts tried so far.
    var starts = 2

    /// The micro-grid of each atom (numbered from 0 in the order they were grown), or nil when none was found within
    /// the node limit.
    ///
    /// - Complexity: at most `starts · nodeLimit` search nodes, each O(a + b + e) for a atoms, b buildings and e
    ///   building edges.
    func search(parts: Int) -> [Int]? {
        let n = weights.count
        let buildingCount = buildingPositions.count
        let total = weights.reduce(0, +)
        guard n > 0, parts >= 1, buildingOf.count == n, bounds.admits(total, parts: parts),
            weights.allSatisfy({ $0 >= 0 && $0 <= bounds.max }), buildingOf.allSatisfy({ $0 >= 0 && $0 < buildingCount })
        else { return nil }
        var neighbours = Array(repeating: [Int](), count: buildingCount)
        for edge in buildingEdges where edge.second < buildingCount {
            neighbours[edge.first].append(edge.second)
            neighbours[edge.second].append(edge.first)
        }
        var tried: [Int] = []
        for _ in 0..<max(1, starts) {
            guard let start = nextStart(after: tried) else { break }
            tried.append(start)
            var state = GrowingState(search: self, neighbours: neighbours, rank: rank(from: start, neighbours: neighbours),
                                     parts: parts)
            if state.solve(partsLeft: parts, remaining: total), let labels = state.finishedLabels(),
                isPacking(labels, parts: parts, neighbours: neighbours)
            {
                return labels
            }
        }
        return nil
    }

    /// The next starting building: farthest from the centre at first, then farthest from the starts tried.
    private func nextStart(after tried: [Int]) -> Int? {
        let used = Set(buildingOf)
        let candidates = buildingPositions.indices.filter { used.contains($0) && !tried.contains($0) }
        guard !candidates.isEmpty else { return nil }
        let centre: [PlanarPoint]
        if tried.isEmpty {
            let count = Double(candidates.count)
            centre = [PlanarPoint(x: candidates.reduce(0.0) { $0 + buildingPositions[$1].x } / count,
                                  y: candidates.reduce(0.0) { $0 + buildingPositions[$1].y } / count)]
        } else {
            centre = tried.map { buildingPositions[$0] }
        }
        func distance(_ building: Int) -> Double {
            centre.map { buildingPositions[building].distance(to: $0) }.min() ?? 0
        }
        return candidates.max { (distance($0), -$0) < (distance($1), -$1) }
    }

    /// The rank of each atom: buildings in breadth-first order from `start` (nearest neighbours first, ties by
    /// index; pieces cut off from `start` follow from their own lowest building), atoms of a building in their order.
    private func rank(from start: Int, neighbours: [[Int]]) -> [Int] {
        let buildingCount = buildingPositions.count
        var order: [Int] = []
        var seen = Array(repeating: false, count: buildingCount)
        for root in [start] + Array(0..<buildingCount) where !seen[root] {
            seen[root] = true
            var head = order.count
            order.append(root)
            while head < order.count {
                let building = order[head]
                head += 1
                let near = neighbours[building].filter { !seen[$0] }.sorted {
                    let a = buildingPositions[building].distance(to: buildingPositions[$0])
                    let b = buildingPositions[building].distance(to: buildingPositions[$1])
                    return (a, $0) < (b, $1)
                }
                for next in near {
                    seen[next] = true
                    order.append(next)
                }
            }
        }
        var buildingRank = Array(repeating: 0, count: buildingCount)
        for (position, building) in order.enumerated() { buildingRank[building] = position }
        let atoms = weights.indices.sorted { (buildingRank[buildingOf[$0]], $0) < (buildingRank[buildingOf[$1]], $1) }
        var rank = Array(repeating: 0, count: weights.count)
        for (position, atom) in atoms.enumerated() { rank[atom] = position }
        return rank
    }

    /// Whether `labels` is a packing: `parts` micro-grids within the bounds, each on connected buildings and on
    /// consecutive floors of each unit it takes.
    func isPacking(_ labels: [Int], parts: Int, neighbours: [[Int]]) -> Bool {
        guard labels.count == weights.count, labels.allSatisfy({ $0 >= 0 && $0 < parts }) else { return false }
        var households = Array(repeating: 0, count: parts)
        for (atom, label) in labels.enumerated() { households[label] += weights[atom] }
        guard households.allSatisfy(bounds.contains) else { return false }
        for chain in chains {
            var closed = Set<Int>()
            for (previous, atom) in zip([-1] + chain, chain) where previous < 0 || labels[previous] != labels[atom] {
                guard closed.insert(labels[atom]).inserted else { return false }
            }
        }
        for label in 0..<parts {
            let buildings = Set(labels.indices.filter { labels[$0] == label }.map { buildingOf[$0] })
            guard let first = buildings.min() else { return false }
            var reached: Set<Int> = [first]
            var stack = [first]
            while let building = stack.popLast() {
                for next in neighbours[building] where buildings.contains(next) && reached.insert(next).inserted {
                    stack.append(next)
                }
            }
            guard reached.count == buildings.count else { return false }
        }
        return true
    }
}

/// The depth-first search of ``MicroGridGrowingSearch`` from one ranking: assignments, the set being grown, and
/// the node count.
private struct GrowingState {
    let bounds: DistrictingBounds
    let weights: [Int]
    let buildingOf: [Int]
    let neighbours: [[Int]]
    let rank: [Int]
    let parts: Int
    let nodeLimit: Int
    /// Atoms by rank, atoms of each building by rank.
    let ranked: [Int]
    let atomsOf: [[Int]]
    /// The chain of each atom (-1 for none) and its floor's place in the chain.
    let chainOf: [Int]
    let floorIndex: [Int]
    let chains: [[Int]]
    /// The micro-grid of each atom, -1 while unassigned.
    var label: [Int]
    var nodes = 0
    /// The set being grown: atoms, households, its atoms per building, its floors per chain (lowest, highest).
    var grown: [Int] = []
    var grownHouseholds = 0
    var grownInBuilding: [Int]
    var grownFloors: [Int: (low: Int, high: Int)] = [:]
    /// Atoms in the set or passed over in the current branch of the current micro-grid's enumeration.
    var blocked: [Bool]
    /// Floors passed over only because they did not yet touch the set's floors of their unit: they come back when
    /// the next floor joins (else a unit's top floor, reached from a neighbour before the floors below it, could
    /// never be taken).
    var deferred: [Bool]
    /// Atoms in the set being grown.
    var inGrown: [Bool]

    init(search: MicroGridGrowingSearch, neighbours: [[Int]], rank: [Int], parts: Int) {
        bounds = search.bounds
        weights = search.weights
        buildingOf = search.buildingOf
        self.neighbours = neighbours
        self.rank = rank
        self.parts = parts
        nodeLimit = search.nodeLimit
        chains = search.chains
        let n = weights.count
        ranked = (0..<n).sorted { rank[$0] < rank[$1] }
        var atomsOf = Array(repeating: [Int](), count: neighbours.count)
        for atom in ranked { atomsOf[search.buildingOf[atom]].append(atom) }
        self.atomsOf = atomsOf
        var chainOf = Array(repeating: -1, count: n), floorIndex = Array(repeating: 0, count: n)
        for (index, chain) in search.chains.enumerated() {
            for (position, atom) in chain.enumerated() {
                chainOf[atom] = index
                floorIndex[atom] = position
            }
        }
        self.chainOf = chainOf
        self.floorIndex = floorIndex
        label = Array(repeating: -1, count: n)
        grownInBuilding = Array(repeating: 0, count: neighbours.count)
        blocked = Array(repeating: false, count: n)
        deferred = Array(repeating: false, count: n)
        inGrown = Array(repeating: false, count: n)
    }

    /// Whether the unassigned atoms can be cut into `partsLeft` micro-grids (found: `label` holds them).
    mutating func solve(partsLeft: Int, remaining: Int) -> Bool {
        guard remaining > 0 else { return partsLeft == 0 }
        guard partsLeft > 0, nodes < nodeLimit else { return false }
        nodes += 1
        guard let root = ranked.first(where: { label[$0] < 0 && weights[$0] > 0 }) else { return false }
        // The enumeration of this micro-grid starts afresh; the outer one's marks come back on return.
        let outerBlocked = blocked, outerDeferred = deferred, outerGrown = grown, outerHouseholds = grownHouseholds
        let outerInBuilding = grownInBuilding, outerFloors = grownFloors
        blocked = Array(repeating: false, count: weights.count)
        deferred = Array(repeating: false, count: weights.count)
        grown = []
        grownHouseholds = 0
        grownInBuilding = Array(repeating: 0, count: neighbours.count)
        grownFloors = [:]
        include(root)
        let found = grow(candidates: newCandidates(of: root), partsLeft: partsLeft, remaining: remaining)
        if !found {
            inGrown[root] = false
            blocked = outerBlocked
            deferred = outerDeferred
            grown = outerGrown
            grownHouseholds = outerHouseholds
            grownInBuilding = outerInBuilding
            grownFloors = outerFloors
        }
        return found
    }

    /// Grows the set by each candidate in turn (the earlier ones passed over), fuller sets first, then closes the
    /// set as a micro-grid when it fits.
    private mutating func grow(candidates: [Int], partsLeft: Int, remaining: Int) -> Bool {
        guard nodes < nodeLimit else { return false }
        nodes += 1
        let room = partsLeft * bounds.max - remaining
        var deferredHere: [Int] = []
        defer { for atom in deferredHere { deferred[atom] = false } }
        for (index, atom) in candidates.enumerated() where grownHouseholds + weights[atom] <= bounds.max {
            guard !inGrown[atom] else { continue }
            guard extendsFloors(atom) else {
                if !deferred[atom] {
                    deferred[atom] = true
                    deferredHere.append(atom)
                }
                continue
            }
            let savedFloors = grownFloors
            include(atom)
            let added = newCandidates(of: atom)
            if grow(candidates: Array(candidates[(index + 1)...]) + added, partsLeft: partsLeft, remaining: remaining) {
                return true
            }
            for next in added where !deferred[next] { blocked[next] = false }
            inGrown[atom] = false
            grown.removeLast()
            grownHouseholds -= weights[atom]
            grownInBuilding[buildingOf[atom]] -= 1
            grownFloors = savedFloors
            if nodes >= nodeLimit { return false }
        }
        let households = grownHouseholds
        guard households >= bounds.min, bounds.max - households <= room,
            remaining - households >= (partsLeft - 1) * bounds.min
        else { return false }
        let part = parts - partsLeft
        for atom in grown { label[atom] = part }
        if restFits(partsLeft: partsLeft - 1), solve(partsLeft: partsLeft - 1, remaining: remaining - households) {
            return true
        }
        for atom in grown { label[atom] = -1 }
        return false
    }

    /// Puts `atom` into the set being grown.
    private mutating func include(_ atom: Int) {
        blocked[atom] = true
        inGrown[atom] = true
        grown.append(atom)
        grownHouseholds += weights[atom]
        grownInBuilding[buildingOf[atom]] += 1
        let chain = chainOf[atom]
        if chain >= 0 {
            let floor = floorIndex[atom]
            let span = grownFloors[chain] ?? (floor, floor)
            grownFloors[chain] = (min(span.low, floor), max(span.high, floor))
        }
    }

    /// Whether the set may take `atom`: a floor joins a unit's floors already in the set only next to them.
    private func extendsFloors(_ atom: Int) -> Bool {
        let chain = chainOf[atom]
        guard chain >= 0, let span = grownFloors[chain] else { return true }
        return floorIndex[atom] == span.low - 1 || floorIndex[atom] == span.high + 1
    }

    /// Unassigned atoms that `atom` brings within reach, by rank, marked blocked: the next floors of its unit, and
    /// the atoms of its building and the neighbouring ones when it is the set's first atom of its building (a floor
    /// only at an end of its unit's run of unassigned floors).
    private mutating func newCandidates(of atom: Int) -> [Int] {
        var added: [Int] = []
        let chain = chainOf[atom]
        if chain >= 0 {
            let floor = floorIndex[atom]
            for next in [floor - 1, floor + 1] where next >= 0 && next < chains[chain].count {
                let other = chains[chain][next]
                if label[other] < 0 && !inGrown[other] && (!blocked[other] || deferred[other]) {
                    blocked[other] = true
                    added.append(other)
                }
            }
        }
        let building = buildingOf[atom]
        if grownInBuilding[building] == 1 {
            for near in [building] + neighbours[building] {
                for other in atomsOf[near] where label[other] < 0 && !blocked[other] && entersFloors(other) {
                    blocked[other] = true
                    added.append(other)
                }
            }
        }
        return added.sorted { rank[$0] < rank[$1] }
    }

    /// Whether a micro-grid may enter `atom` from elsewhere: not a floor, or a floor at an end of its unit's run of
    /// unassigned floors.
    private func entersFloors(_ atom: Int) -> Bool {
        let chain = chainOf[atom]
        guard chain >= 0 else { return true }
        let floor = floorIndex[atom], count = chains[chain].count
        return floor == 0 || floor == count - 1 || label[chains[chain][floor - 1]] >= 0
            || label[chains[chain][floor + 1]] >= 0
    }

    /// Whether every connected piece of the unassigned atoms holds a count of micro-grids within the bounds, and
    /// the pieces' counts can add up to `partsLeft`.
    private func restFits(partsLeft: Int) -> Bool {
        var households = Array(repeating: 0, count: neighbours.count)
        var present = Array(repeating: false, count: neighbours.count)
        for atom in label.indices where label[atom] < 0 {
            households[buildingOf[atom]] += weights[atom]
            present[buildingOf[atom]] = true
        }
        var seen = Array(repeating: false, count: neighbours.count)
        var least = 0, most = 0
        for start in neighbours.indices where present[start] && !seen[start] {
            seen[start] = true
            var stack = [start]
            var piece = 0
            while let building = stack.popLast() {
                piece += households[building]
                for next in neighbours[building] where present[next] && !seen[next] {
                    seen[next] = true
                    stack.append(next)
                }
            }
            guard piece > 0 else { continue }
            let low = (piece + bounds.max - 1) / bounds.max
            let high = bounds.min > 0 ? piece / bounds.min : piece
            guard low <= high else { return false }
            least += low
            most += high
        }
        return least <= partsLeft && partsLeft <= most
    }

    /// The labels once every atom with households is assigned: atoms without households join a neighbouring
    /// micro-grid (the next floor's first); nil when one is left out.
    func finishedLabels() -> [Int]? {
        var labels = label
        var changed = true
        while changed {
            changed = false
            for atom in ranked where labels[atom] < 0 {
                var options: [Int] = []
                let chain = chainOf[atom]
                if chain >= 0 {
                    let floor = floorIndex[atom]
                    for next in [floor - 1, floor + 1] where next >= 0 && next < chains[chain].count {
                        options.append(chains[chain][next])
                    }
                } else {
                    for near in [buildingOf[atom]] + neighbours[buildingOf[atom]] { options += atomsOf[near] }
                }
                if let joined = options.first(where: { labels[$0] >= 0 }) {
                    labels[atom] = labels[joined]
                    changed = true
                }
            }
        }
        return labels.allSatisfy { $0 >= 0 } ? labels : nil
    }
}
