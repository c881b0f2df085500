/// The Lagrangian function of ``PartitionCostBound``'s relaxation over one cover of cells, evaluated at multipliers
/// μ (one per point, in cost per unit of weight) and tilts a (one vector per cell): the argument is stated on
/// ``PartitionCostBound``.
///
/// Each cell offers four candidates, one per corner, with the tangent bound's costs dᵢₖ there, tilted by the cell's
/// aₖ: d'ᵢₖ = dᵢₖ + aₖ·(cornerₖ − pᵢ). L(μ, a) = Σᵢ wᵢ μᵢ + the `parts` least increments ρₖ(n) − ρₖ(n − 1) over
/// candidates k and copies n ≥ 1, where ρₖ(n) = min { Σᵢ wᵢ (d'ᵢₖ − μᵢ) xᵢ : 0 ≤ xᵢ ≤ 1, n·lo ≤ Σᵢ wᵢ xᵢ ≤ n·hi } is
/// a continuous knapsack, solved by taking points in increasing reduced cost d'ᵢₖ − μᵢ up to the weight
/// clamp(W*, n·lo, n·hi), W* being the weight of the points with negative reduced cost. That value is convex in the
/// weight taken and the clamp grows with n, so ρₖ is convex in n and the least increments always form a prefix of
/// copies at each candidate. (The tilt is the cell's, aₖ short for a of the cell holding candidate k.)
///
/// Most candidates cannot hold one of the least increments: an O(points) lower bound on ρₖ(1) (the first and least
/// increment) rules them out without sorting. With W* the weight and N the sum of the negative reduced costs: below
/// lo, N + (lo − W*) × the least non-negative reduced cost; within [lo, hi], N itself; above hi, max(N, hi × the least
/// reduced cost).
struct CellLagrangian {
    /// The value at (μ, a), how much of each point the chosen copies take (Σⱼ xᵢⱼ), and each cell's first increment.
    struct Evaluation {
        var value: Double
        /// Σⱼ xᵢⱼ per point: the subgradient of L at μ is wᵢ (1 − coverageᵢ).
        var coverage: [Double]
        /// Per cell, Σ over its chosen candidates k and points i of wᵢ xᵢₖ (cornerₖ − pᵢ): the subgradient of L at
        /// the cell's tilt (zero where the corners taken balance the centroid of what they take).
        var imbalanceX: [Double]
        var imbalanceY: [Double]
        /// The cells whose candidates hold the least increments (each once), ascending: where the relaxation puts
        /// centres.
        var opened: [Int]
    }

    let xs: [Double]
    let ys: [Double]
    let weights: [Double]
    let totalWeight: Double
    let parts: Int
    let lowestPartWeight: Double
    let highestPartWeight: Double
    let power: DistancePower
    private(set) var cells: [BoundCell] = []
    /// Per candidate (cell × 4 + corner), per point: the cost per unit of weight of a part whose centre lies in the
    /// cell and whose tangent bound is least at that corner.
    private var unitCosts: [[Double]] = []
    /// Scratch: reduced costs of the cell under evaluation and its points in increasing reduced cost.
    private var reduced: [Double]
    private var order: [Int]

    init(
        xs: [Double], ys: [Double], weights: [Double], parts: Int, partWeight: ClosedRange<Double>,
        power: DistancePower, cover: [BoundCell]
    ) {
        self.xs = xs
        self.ys = ys
        self.weights = weights
        totalWeight = weights.reduce(0, +)
        self.parts = parts
        lowestPartWeight = partWeight.lowerBound
        highestPartWeight = partWeight.upperBound
        self.power = power
        reduced = Array(repeating: 0, count: weights.count)
        order = Array(weights.indices)
        for cell in cover { append(cell) }
    }

    /// The four corner candidates of a cell: per point, the tangent bound's cost at each corner.
    private func cornerCosts(_ cell: BoundCell) -> [[Double]] {
        var corners = Array(repeating: Array(repeating: 0.0, count: xs.count), count: 4)
        for i in xs.indices {
            let costs = power.tangentCosts(fromX: xs[i], y: ys[i], box: cell)
            corners[0][i] = costs.0
            corners[1][i] = costs.1
            corners[2][i] = costs.2
            corners[3][i] = costs.3
        }
        return corners
    }

    private mutating func append(_ cell: BoundCell) {
        cells.append(cell)
        unitCosts += cornerCosts(cell)
    }

    /// Replaces `cell` by its four quarters (the cover stays a cover).
    mutating func split(_ cell: Int) {
        let quarters = cells[cell].quarters()
        cells[cell] = quarters[0]
        for (corner, costs) in cornerCosts(quarters[0]).enumerated() { unitCosts[4 * cell + corner] = costs }
        for quarter in quarters.dropFirst() { append(quarter) }
    }

    /// The corner of a candidate (cell × 4 + corner), in ``DistancePower/tangentCosts(fromX:y:box:)``'s order.
    func corner(of candidate: Int) -> (x: Double, y: Double) {
        let cell = cells[candidate / 4]
        return (candidate % 2 == 0 ? cell.minX : cell.maxX, candidate % 4 < 2 ? cell.minY : cell.maxY)
    }

    /// μᵢ − aₖ·(cornerₖ − pᵢ) per point for a tilted candidate: its reduced cost is then unit cost − this.
    private func shifted(_ mu: [Double], candidate: Int, tiltX: [Double], tiltY: [Double]) -> [Double] {
        let ax = tiltX[candidate / 4], ay = tiltY[candidate / 4]
        guard ax != 0 || ay != 0 else { return mu }
        let (cx, cy) = corner(of: candidate)
        return mu.indices.map { i in mu[i] - ax * (cx - xs[i]) - ay * (cy - ys[i]) }
    }

    /// L(μ, a) with the coverage of its minimiser, its imbalances, and the cells it opens.
    ///
    /// - Complexity: O(cells × points) for the lower bounds, plus O(points log points) per candidate that could hold
    ///   one of the `parts` least increments.
    mutating func evaluate(_ mu: [Double], tiltX: [Double], tiltY: [Double]) -> Evaluation {
        let n = weights.count
        var base = 0.0
        for i in 0..<n { base += weights[i] * mu[i] }
        var firstIncrement = Array(repeating: 0.0, count: unitCosts.count)
        // The reduced cost at a corner of a tilted cell is dᵢₖ − (μᵢ + a·pᵢ) + a·cornerₖ: the bracket once per cell.
        var cellMu = mu
        for j in unitCosts.indices {
            var negative = 0.0, negativeWeight = 0.0, least = 0.0, leastPositive = Double.infinity
            let ax = tiltX[j / 4], ay = tiltY[j / 4]
            if j % 4 == 0 {
                for i in 0..<n { cellMu[i] = mu[i] + ax * xs[i] + ay * ys[i] }
            }
            let (cx, cy) = corner(of: j)
            let offset = ax * cx + ay * cy
            unitCosts[j].withUnsafeBufferPointer { costs in
                for i in 0..<n {
                    let r = costs[i] - cellMu[i] + offset
                    if r < 0 {
                        negative += weights[i] * r
                        negativeWeight += weights[i]
                        if r < least { least = r }
                    } else if r < leastPositive {
                        leastPositive = r
                    }
                }
            }
            if negativeWeight < lowestPartWeight {
                // Short of the least part weight: the rest is taken at reduced costs of at least leastPositive.
                let fill = leastPositive.isFinite ? leastPositive : 0
                firstIncrement[j] = negative + (lowestPartWeight - negativeWeight) * fill
            } else if negativeWeight <= highestPartWeight {
                firstIncrement[j] = negative  // exactly ρ(1): every negative point, nothing else
            } else {
                firstIncrement[j] = Swift.max(negative, highestPartWeight * least)
            }
        }
        let ranked = unitCosts.indices.sorted { a, b in
            firstIncrement[a] != firstIncrement[b] ? firstIncrement[a] < firstIncrement[b] : a < b
        }
        // The least increments so far, ascending by (value, cell, copy): at most `parts` of them.
        var chosen: [(value: Double, candidate: Int, copy: Int)] = []
        func precedes(
            _ a: (value: Double, candidate: Int, copy: Int), _ b: (value: Double, candidate: Int, copy: Int)
        ) -> Bool {
            a.value != b.value ? a.value < b.value : (a.candidate, a.copy) < (b.candidate, b.copy)
        }
        for j in ranked {
            if chosen.count == parts, let last = chosen.last, firstIncrement[j] >= last.value { break }
            let increments = self.increments(of: j, mu: shifted(mu, candidate: j, tiltX: tiltX, tiltY: tiltY))
            if let first = increments.first { firstIncrement[j] = first }
            for (copy, value) in increments.enumerated() {
                let entry = (value: value, candidate: j, copy: copy + 1)
                if chosen.count == parts, let last = chosen.last, !precedes(entry, last) { break }
                let at = chosen.firstIndex { precedes(entry, $0) } ?? chosen.count
                chosen.insert(entry, at: at)
                if chosen.count > parts { chosen.removeLast() }
            }
        }
        var copies: [Int: Int] = [:]
        var value = base
        for entry in chosen {
            value += entry.value
            copies[entry.candidate, default: 0] += 1
        }
        var coverage = Array(repeating: 0.0, count: n)
        var imbalanceX = Array(repeating: 0.0, count: cells.count), imbalanceY = imbalanceX
        for (candidate, count) in copies.sorted(by: { $0.key < $1.key }) {
            var taken = Array(repeating: 0.0, count: n)
            take(candidate: candidate, copies: count, mu: shifted(mu, candidate: candidate, tiltX: tiltX, tiltY: tiltY),
                 into: &taken)
            let (cx, cy) = corner(of: candidate)
            for i in 0..<n where taken[i] > 0 {
                coverage[i] += taken[i]
                imbalanceX[candidate / 4] += weights[i] * taken[i] * (cx - xs[i])
                imbalanceY[candidate / 4] += weights[i] * taken[i] * (cy - ys[i])
            }
        }
        return Evaluation(
            value: value, coverage: coverage, imbalanceX: imbalanceX, imbalanceY: imbalanceY,
            opened: Set(copies.keys.map { $0 / 4 }).sorted())
    }

    /// The weight that `copies` copies of a candidate take: the clamp of W* (the weight of negative reduced costs).
    private func takenWeight(copies: Int, negativeWeight: Double) -> Double? {
        let copies = Double(copies)
        guard copies * lowestPartWeight <= totalWeight else { return nil }
        return Swift.min(Swift.max(negativeWeight, copies * lowestPartWeight), copies * highestPartWeight, totalWeight)
    }

    /// Sorts the points by reduced cost at `candidate` into `order` and returns W*.
    private mutating func sortByReducedCost(candidate: Int, mu: [Double]) -> Double {
        var negativeWeight = 0.0
        let costs = unitCosts[candidate]
        for i in weights.indices {
            reduced[i] = costs[i] - mu[i]
            if reduced[i] < 0 { negativeWeight += weights[i] }
        }
        // Sorting (reduced cost, index) pairs reads each key in place, about twice as fast as sorting indices.
        var pairs = weights.indices.map { (reduced[$0], $0) }
        pairs.sort { a, b in a.0 != b.0 ? a.0 < b.0 : a.1 < b.1 }
        for (rank, pair) in pairs.enumerated() { order[rank] = pair.1 }
        return negativeWeight
    }

    /// ρ(n) − ρ(n − 1) for n = 1 … parts while finite (ρ(n) is infinite once n·lo exceeds the total weight).
    private mutating func increments(of candidate: Int, mu: [Double]) -> [Double] {
        let negativeWeight = sortByReducedCost(candidate: candidate, mu: mu)
        var result: [Double] = []
        var next = 0, takenWeight = 0.0, takenCost = 0.0, previous = 0.0
        for copies in 1...parts {
            guard let target = self.takenWeight(copies: copies, negativeWeight: negativeWeight) else { break }
            while next < order.count, takenWeight + weights[order[next]] <= target {
                takenWeight += weights[order[next]]
                takenCost += weights[order[next]] * reduced[order[next]]
                next += 1
            }
            var value = takenCost
            if next < order.count, target > takenWeight { value += (target - takenWeight) * reduced[order[next]] }
            result.append(value - previous)
            previous = value
        }
        return result
    }

    /// Adds to `coverage` the fractions of each point that `copies` copies of `candidate` take.
    private mutating func take(candidate: Int, copies: Int, mu: [Double], into coverage: inout [Double]) {
        let negativeWeight = sortByReducedCost(candidate: candidate, mu: mu)
        guard let target = takenWeight(copies: copies, negativeWeight: negativeWeight) else { return }
        var taken = 0.0
        for i in order {
            guard taken < target else { break }
            let share = Swift.min(weights[i], target - taken)
            coverage[i] += share / weights[i]
            taken += share
        }
    }
}
