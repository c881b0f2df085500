import GridModel

/// A lower bound on the cost of every partition of weighted points into `parts` parts whose weights lie in
/// `weightBounds`, each part measured from its own weighted centroid: Σ weight × distance^power.
///
/// It certifies a plan: the plan's own value (e.g. the grid job's household-weighted distance to each grid's
/// centroid) minus this bound is at most how far the plan is from the best plan with the same counts and bounds.
/// Contiguity, compounds and whole buildings are dropped, so the bound holds for every such plan, split buildings
/// included.
///
/// **Why it is a bound.** A p-median whose centres sit at the points does *not* bound the centroid measure: three
/// equal points on a unit triangle cost 3 × 1/√3 ≈ 1.73 about their centroid, but 2 about any one of them. Centres
/// must be free to sit anywhere, so the bound works with rectangles of candidate centres:
/// 1. A part's weighted centroid lies in the convex hull of its points, so in the points' bounding box B. Let
///    C₁ … C_m be rectangles covering B (quadtree leaves clipped to B).
/// 2. The cost of point i about a centre c, fᵢ(c) = |pᵢ − c|^power, is convex in c, so it lies above its tangent at
///    the middle c₀ of the cell: fᵢ(c) ≥ tᵢ(c) = fᵢ(c₀) + ∇fᵢ(c₀)·(c − c₀) (a subgradient 0 where pᵢ = c₀). A part
///    whose centre c lies in Cⱼ and which holds xᵢ of point i costs Σᵢ wᵢ xᵢ fᵢ(c) ≥ Σᵢ wᵢ xᵢ tᵢ(c); that is linear
///    in c, so over the rectangle it is least at a corner k: the part costs at least Σᵢ wᵢ xᵢ dᵢₖ with dᵢₖ = tᵢ(corner
///    k). Each cell thus offers four candidate centres (its corners) with costs dᵢₖ. No half-diagonal is lost: the
///    tangents of points around the centre tilt in opposite directions and their slopes cancel in the sum; only the
///    curvature of fᵢ across the cell is lost, which shrinks as cells are quartered.
/// 3. Take any partition whose part q holds weight wᵢ_q of point i (a point may be split), with Σ_q wᵢ_q = wᵢ and
///    lo ≤ Σᵢ wᵢ_q ≤ hi. Send part q to the best corner k(q) of a cell holding its centroid; let n_k be the parts
///    sent to candidate k and xᵢₖ = Σ_{q→k} wᵢ_q / wᵢ. Then Σₖ xᵢₖ = 1, 0 ≤ xᵢₖ ≤ 1, n_k·lo ≤ Σᵢ wᵢ xᵢₖ ≤ n_k·hi,
///    Σₖ n_k = p, and the partition's cost is at least Σᵢₖ wᵢ dᵢₖ xᵢₖ. So the least value R of that candidate problem
///    (a capacitated p-median over candidates, several parts allowed at one) is at most the cost of every partition.
/// 4. Relax Σₖ xᵢₖ = 1 with multipliers wᵢ μᵢ: for *every* μ, L(μ) = Σᵢ wᵢ μᵢ + min over (x, n) without that row
///    is at most R (each feasible (x, n) of R is feasible there and the relaxed term vanishes), and it splits into
///    one continuous knapsack per candidate (``CellLagrangian``). So the best L seen is reported; the subgradient
///    search only looks for a good μ and never affects validity.
/// 5. Quartering a cell keeps a cover, so step 3 holds for every cover the search refines to.
/// 6. Each part is measured from its *centroid*, not from its best centre, and the centroid balances its points:
///    Σᵢ wᵢ_q (pᵢ − c_q) = 0. So for any vector a_C (a *tilt*, one per cell) the part costs as much as
///    Σᵢ wᵢ_q (fᵢ(c_q) + a_C·(c_q − pᵢ)). Each term is still convex in c (a norm plus a linear function), so step 2
///    applies to it: its tangent at c₀ is tᵢ(c) + a_C·(c − pᵢ), and the sum over the part, linear in c, is least at
///    a corner k of the cell: the part costs at least Σᵢ wᵢ_q (dᵢₖ + a_C·(cornerₖ − pᵢ)). The tilt is one per cell,
///    shared by its corners: the linear function is evaluated at c_q, where the tilt term is 0, and only then
///    lowered to a corner. Steps 3–5 hold with these costs for every a, so L(μ, a) bounds R for every μ and a; the
///    search moves a along Σ wᵢ xᵢₖ (cornerₖ − pᵢ), which prices candidates whose points do not balance around
///    them. Free centres (a geometric median) cost a plan some percent less than its centroids (2.1 % on the sample
///    street); tilts can recover that, which free centres alone never can. With ``DistancePower/squaredDistance``
///    the best free centre is the centroid, so tilts are left off there.
///
/// What it cannot close is the relaxation's own gap: L never exceeds the linear-programming relaxation of the
/// capacitated p-median over these candidates, which on grid-sized communities lies some percent below the best
/// partition (Benchmarks/scripts/grids_baseline.md, "Quality certificate").
///
/// With ``DistancePower/squaredDistance`` the best free centre of a part *is* its centroid, so the same bound
/// holds for the inertia of `DistrictingObjective.inertia`. The bound is a sum of floating-point terms and is
/// lowered by a relative 10⁻⁹ so that rounding cannot lift it above an exact optimum.
///
/// Effort is fixed (rounds, iterations, cells split), never timed, so the same input gives the same bound.
public struct PartitionCostBound: Sendable {
    /// The search effort: fixed counts, so the bound does not depend on the machine.
    public struct Effort: Sendable, Hashable {
        /// Cells along the longer side of the bounding box in the first cover (square cells).
        public var initialCellsPerSide: Int
        /// Rounds of multiplier search; all but the last also refine the cover.
        public var rounds: Int
        /// Times per round the opened cells are quartered at the best multipliers.
        public var splitsPerRound: Int
        /// Cells are not quartered below (first cell side) / 2^deepestSplit.
        public var deepestSplit: Int
        /// No cell is quartered once the cover holds this many.
        public var largestCover: Int
        /// Subgradient iterations per round.
        public var iterationsPerRound: Int
        /// Iterations without a better bound after which the step is halved.
        public var patience: Int
        /// Whether cells are tilted (step 6 of the argument): the subgradient search also moves each opened cell's
        /// tilt, which prices a part whose centroid is not where its corners say (``DistancePower/distance`` only).
        public var tilting: Bool = true

        /// Counts that take a grid-sized community (100 buildings, 6 parts) close to its relaxation's limit
        /// (Benchmarks/scripts/grids_baseline.md, "Quality certificate").
        public static let standard = Effort(
            initialCellsPerSide: 8, rounds: 2, splitsPerRound: 12, deepestSplit: 6, largestCover: 600,
            iterationsPerRound: 200, patience: 25)

        /// About a quarter of `standard`'s work, for plans of many communities (a city), where the standard effort
        /// would take longer than the drawing; the bound stays valid, only looser.
        public static let light = Effort(
            initialCellsPerSide: 8, rounds: 2, splitsPerRound: 8, deepestSplit: 6, largestCover: 300,
            iterationsPerRound: 150, patience: 20)

        /// Effort with the given counts.
        public init(
            initialCellsPerSide: Int, rounds: Int, splitsPerRound: Int, deepestSplit: Int, largestCover: Int,
            iterationsPerRound: Int, patience: Int, tilting: Bool = true
        ) {
            self.initialCellsPerSide = initialCellsPerSide
            self.rounds = rounds
            self.splitsPerRound = splitsPerRound
            self.deepestSplit = deepestSplit
            self.largestCover = largestCover
            self.iterationsPerRound = iterationsPerRound
            self.patience = patience
            self.tilting = tilting
        }
    }

    /// The bound and what it took.
    public struct Result: Sendable, Hashable {
        /// Σ weight × distance^power that every partition within the bounds costs at least; `.infinity` when no
        /// partition fits the bounds (parts × min > total weight or parts × max < total weight).
        public var bound: Double
        /// Cells in the last cover.
        public var cells: Int
        /// Lagrangian evaluations made.
        public var iterations: Int
    }

    /// Positions of the points (metres).
    public var points: [PlanarPoint]
    /// Their weights (households); points of weight 0 cost nothing and are left out.
    public var weights: [Double]
    /// Parts of every partition bounded.
    public var parts: Int
    /// The weight every part holds; nil: any.
    public var weightBounds: ClosedRange<Double>?
    /// Distance or squared distance.
    public var power: DistancePower
    /// The search effort.
    public var effort: Effort

    /// A bound on partitions of `points` (with `weights`) into `parts` parts within `weightBounds`.
    public init(
        points: [PlanarPoint], weights: [Double], parts: Int, weightBounds: ClosedRange<Double>? = nil,
        power: DistancePower = .distance, effort: Effort = .standard
    ) {
        precondition(points.count == weights.count, "one weight per point")
        precondition(weights.allSatisfy { $0 >= 0 && $0.isFinite }, "weights are finite and not negative")
        self.points = points
        self.weights = weights
        self.parts = parts
        self.weightBounds = weightBounds
        self.power = power
        self.effort = effort
    }

    /// The best Lagrangian bound found.
    ///
    /// - Parameters:
    ///   - target: the cost of a known partition (the plan's value): the subgradient steps towards it (Polyak).
    ///     Without one, they aim at the cost of all points about their centroid (a scale, not a bound).
    ///   - startingCentres: centres of a known partition: each point's multiplier starts at its cost to the
    ///     nearest, which starts the search near the plan's own dual. The cover spans them too, so the bound also
    ///     holds for that partition if one of its centres lies outside the points' bounding box.
    /// - Complexity: O(iterations × cells × points) plus a sort of the points for each cell that may hold a part;
    ///   cells at most `largestCover` + 3 × parts.
    public func solve(target: Double? = nil, startingCentres: [PlanarPoint] = []) -> Result {
        let kept = weights.indices.filter { weights[$0] > 0 }
        let xs = kept.map { points[$0].x }, ys = kept.map { points[$0].y }
        let pointWeights = kept.map { weights[$0] }
        let total = pointWeights.reduce(0, +)
        guard parts >= 1, !kept.isEmpty else {
            return Result(bound: kept.isEmpty ? 0 : .infinity, cells: 0, iterations: 0)
        }
        let partWeight = weightBounds ?? 0...total
        let tolerance = 1e-9 * Swift.max(total, 1)
        guard Double(parts) * partWeight.lowerBound <= total + tolerance,
            Double(parts) * partWeight.upperBound >= total - tolerance
        else { return Result(bound: .infinity, cells: 0, iterations: 0) }
        var relaxation = CellLagrangian(
            xs: xs, ys: ys, weights: pointWeights, parts: parts, partWeight: partWeight, power: power,
            cover: Self.firstCover(
                xs: xs + startingCentres.map(\.x), ys: ys + startingCentres.map(\.y),
                cellsPerSide: Swift.max(1, effort.initialCellsPerSide)))
        var mu = xs.indices.map { i in
            startingCentres.map { centre in
                power.cost(ofDistance: PlanarPoint(x: xs[i], y: ys[i]).distance(to: centre))
            }.min() ?? 0
        }
        // Without a known partition, the cost of one part about the centroid of all points sets the step's scale.
        let goal = target ?? {
            let x = zip(xs, pointWeights).reduce(0) { $0 + $1.0 * $1.1 } / total
            let y = zip(ys, pointWeights).reduce(0) { $0 + $1.0 * $1.1 } / total
            return xs.indices.reduce(0) { sum, i in
                let centre = PlanarPoint(x: x, y: y)
                let distance = PlanarPoint(x: xs[i], y: ys[i]).distance(to: centre)
                return sum + pointWeights[i] * power.cost(ofDistance: distance)
            }
        }()
        // One tilt per cell (see step 6), in cost per metre, starting flat. Its subgradient is weight × metres, the
        // multipliers' only weight: the step measures tilts in units of `tiltScale` so that both move at a pace.
        // Warm-starting tilts from the plan's parts (each cell flat at its nearest part) was tried and lost 11–56 m
        // on the sample street: a tilted cell that holds no centroid undercuts every other candidate.
        // With squared distances the centroid is already the best free centre: tilts would add only cost there.
        let tilting = effort.tilting && power == .distance
        let tiltScale = tilting ? Self.tiltLength * Swift.max(goal / total, 1e-9) : 0
        var tiltX = Array(repeating: 0.0, count: relaxation.cells.count), tiltY = tiltX
        var best = -Double.infinity
        var bestMu = mu, bestTiltX = tiltX, bestTiltY = tiltY
        var iterations = 0
        func record(_ value: Double) {
            iterations += 1
            if value > best {
                best = value
                bestMu = mu
                bestTiltX = tiltX
                bestTiltY = tiltY
            }
        }
        // A quartered cell's quarters inherit its tilt (any tilt is valid), in the current and the best multipliers.
        func split(_ cell: Int) {
            relaxation.split(cell)
            for _ in 0..<3 {
                tiltX.append(tiltX[cell])
                tiltY.append(tiltY[cell])
                bestTiltX.append(bestTiltX[cell])
                bestTiltY.append(bestTiltY[cell])
            }
        }
        let smallestSide = Self.side(of: relaxation.cells) / Double(1 << Swift.max(0, effort.deepestSplit))
        let rounds = Swift.max(1, effort.rounds)
        for round in 0..<rounds {
            // Every round but the last (which searches the final cover) refines: the cells the relaxation opens are
            // quartered, at the best multipliers and then as they move, until those are small or the cover full. A
            // coarse cell's tangents are poor, so it draws centres until it is split.
            let refining = round < rounds - 1 || rounds == 1
            mu = bestMu
            tiltX = bestTiltX
            tiltY = bestTiltY
            for _ in 0..<(refining ? effort.splitsPerRound : 0) where relaxation.cells.count < effort.largestCover {
                let evaluation = relaxation.evaluate(mu, tiltX: tiltX, tiltY: tiltY)
                record(evaluation.value)
                let coarse = evaluation.opened.filter { Self.side(of: relaxation.cells[$0]) > smallestSide }
                if coarse.isEmpty { break }
                for cell in coarse.reversed() { split(cell) }
            }
            var step = 2.0
            var sinceBetter = 0
            for _ in 0..<effort.iterationsPerRound {
                let evaluation = relaxation.evaluate(mu, tiltX: tiltX, tiltY: tiltY)
                let before = best
                record(evaluation.value)
                if best > before {
                    sinceBetter = 0
                } else {
                    sinceBetter += 1
                    if sinceBetter >= effort.patience {
                        step /= 2
                        sinceBetter = 0
                    }
                }
                var norm = 0.0
                for i in mu.indices {
                    let excess = 1 - evaluation.coverage[i]
                    norm += pointWeights[i] * excess * excess
                }
                if tiltScale > 0 {
                    for cell in evaluation.opened {
                        let gx = evaluation.imbalanceX[cell] / tiltScale, gy = evaluation.imbalanceY[cell] / tiltScale
                        norm += gx * gx + gy * gy
                    }
                }
                // Every point exactly covered and balanced: L is the value of a feasible cell solution, so optimal.
                guard norm > 1e-12 else { break }
                let aim = Swift.max(goal, best + 1e-6 * Swift.abs(best))
                let length = step * (aim - evaluation.value) / norm
                for i in mu.indices { mu[i] += length * (1 - evaluation.coverage[i]) }
                if tiltScale > 0 {
                    for cell in evaluation.opened {
                        tiltX[cell] += length * evaluation.imbalanceX[cell] / (tiltScale * tiltScale)
                        tiltY[cell] += length * evaluation.imbalanceY[cell] / (tiltScale * tiltScale)
                    }
                }
                // Cells are quartered after the step, so that their quarters inherit the tilt just taken.
                if refining, relaxation.cells.count < effort.largestCover {
                    let coarse = evaluation.opened.filter { Self.side(of: relaxation.cells[$0]) > smallestSide }
                    for cell in coarse.reversed() { split(cell) }
                }
            }
        }
        let safe = best - 1e-9 * Swift.abs(best)
        return Result(bound: Swift.max(0, safe), cells: relaxation.cells.count, iterations: iterations)
    }

    /// Tilts are stepped in units of this many mean distances (of the target partition): measured on the sample
    /// street at 1, 10, 30, 100, 300 and 3,000, 30 gave the highest bound (66.9 m against 66.2 m untilted).
    static let tiltLength = 30.0

    /// The longer side of a cell (of the first cell when given the first cover).
    static func side(of cells: [BoundCell]) -> Double {
        cells.first.map(side(of:)) ?? 0
    }

    static func side(of cell: BoundCell) -> Double { Swift.max(cell.maxX - cell.minX, cell.maxY - cell.minY) }

    /// Square cells of side (longer side of the box) / `cellsPerSide` over the bounding box of `xs`, `ys`, clipped
    /// to it.
    static func firstCover(xs: [Double], ys: [Double], cellsPerSide: Int) -> [BoundCell] {
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return [] }
        let side = Swift.max(maxX - minX, maxY - minY) / Double(cellsPerSide)
        guard side > 0 else { return [BoundCell(minX: minX, minY: minY, maxX: maxX, maxY: maxY, depth: 0)] }
        let columns = Swift.max(1, Int(((maxX - minX) / side).rounded(.up)))
        let rows = Swift.max(1, Int(((maxY - minY) / side).rounded(.up)))
        var cells: [BoundCell] = []
        for row in 0..<rows {
            for column in 0..<columns {
                // The last row and column end exactly on the box, so rounding never leaves a sliver uncovered.
                cells.append(BoundCell(
                    minX: minX + Double(column) * side,
                    minY: minY + Double(row) * side,
                    maxX: column == columns - 1 ? maxX : minX + Double(column + 1) * side,
                    maxY: row == rows - 1 ? maxY : minY + Double(row + 1) * side,
                    depth: 0))
            }
        }
        return cells
    }
}
