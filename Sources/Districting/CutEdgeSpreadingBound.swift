import Foundation
import LinearSolver
import PlanningSupport

/// A lower bound on the cut edges of every valid partition, for graphs too large to solve exactly: the
/// spreading-metric LP relaxation (Even, Naor, Rao & Schieber's relaxation of balanced partitioning), by cutting
/// planes.
///
/// Give every edge a length d(e) ∈ [0, 1]. The cut edges of a valid partition, with length 1 (the others 0), satisfy
/// for every node i: Σ_j w(j)·dist(i, j) ≥ W − U, because i's part holds at most U of the total weight W and every
/// node outside it is at least one cut edge away. So min Σ_e d(e) under these rows is at most the optimum. The rows
/// are not linear in d (dist is a shortest path); a spanning tree T rooted at i gives the linear row
/// Σ_{e∈T} d(e)·w(below e in T) ≥ W − U, which every cut metric also satisfies (the tree path to an outside node
/// crosses a cut edge). Rounds: solve the LP over the rows so far, take each node's shortest-path tree under the LP's
/// lengths, add the rows it violates. Every round's LP keeps only valid rows, so its optimum, rounded up (the
/// objective is a whole number), is a valid bound on its own: the deadline can stop the rounds at any point.
///
/// Measured on Delaunay graphs of 300 nodes (see Benchmarks/scripts/districts_bounds.md): a bound many times the
/// trivial k − 1, which the labelling model's LP (`CutEdgeModel`) does not reach in a minute.
struct CutEdgeSpreadingBound {
    let request: DistrictingRequest

    /// Rows added per round at most (the most violated first): a search-effort limit, keeping each LP small.
    static let rowsPerRound = 120
    /// Relative slack above which a row leaves the LP after a round.
    static let slackToDrop = 1e-3
    /// Rounds at most: a search-effort limit (the LP usually stops gaining well before).
    static let roundLimit = 400

    /// The bound reached and what it cost.
    struct Outcome {
        /// A proven lower bound on the cut edges of any valid partition (0 when nothing was proven).
        var bound: Int
        /// The last LP optimum (unrounded), or 0.
        var relaxation: Double
        /// LP rounds solved.
        var rounds: Int
        /// Whether no row was violated any more (the LP optimum was reached).
        var converged: Bool
        /// The tree rows binding at the last LP optimum, as (edge index, coefficient) lists with right-hand side
        /// W − U: valid for every valid partition, so they may strengthen another model over the same edges.
        var rows: [[(edge: Int, coefficient: Double)]]
    }

    /// Runs rounds until the LP optimum is reached, `target` is proven (no better bound is useful, e.g. the
    /// incumbent's value) or `deadline` passes.
    ///
    /// - Complexity: per round, n shortest-path trees (O(n·m log n)) and one LP over the edges.
    func solve(target: Int, deadline: Deadline) -> Outcome {
        let graph = request.graph
        let total = graph.totalWeight
        let need = Double(total - request.bounds.max)
        var outcome = Outcome(bound: 0, relaxation: 0, rounds: 0, converged: false, rows: [])
        guard need > 0, !graph.edges.isEmpty else {
            outcome.converged = true
            return outcome
        }
        var model = LinearModel(name: "cut-edge-spreading-metric", sense: .minimize)
        let lengths = graph.edges.indices.map { model.addVariable("d_\($0)", upper: 1, objective: 1) }
        let neighbourEdges = Self.neighbourEdges(graph)
        var length = Array(repeating: 0.0, count: graph.edges.count)
        while outcome.rounds < Self.roundLimit, !deadline.passed {
            var violated: [(shortfall: Double, source: Int, row: [(edge: Int, coefficient: Double)])] = []
            for source in 0..<graph.nodeCount {
                let tree = ShortestPathTree(graph: graph, source: source, length: length,
                                            neighbourEdges: neighbourEdges)
                let reach = tree.weightedDistanceSum(weights: graph.weights)
                if reach < need - 1e-6 * need {
                    violated.append((need - reach, source, tree.row(weights: graph.weights)))
                }
            }
            guard !violated.isEmpty else {
                outcome.converged = true
                break
            }
            violated.sort { $0.shortfall != $1.shortfall ? $0.shortfall > $1.shortfall : $0.source < $1.source }
            for entry in violated.prefix(Self.rowsPerRound) {
                // Scaled to a right-hand side of 1: populations put raw coefficients near 10⁶, which GLPK's simplex
                // handled badly (county16 stopped after 12 rounds without an optimal status).
                let terms = entry.row.map { LinearTerm(lengths[$0.edge], $0.coefficient / need) }
                model.addConstraint("tree_\(entry.source)_\(outcome.rounds)", terms, .greaterOrEqual(1))
                outcome.rows.append(entry.row)
            }
            let options = SolveOptions(timeLimit: max(0, deadline.remaining))
            guard let result = try? GLPKSolver().solveRelaxation(model, options: options),
                result.status == .optimal, let value = result.objective, result.values.count == lengths.count
            else { break }
            outcome.rounds += 1
            outcome.relaxation = value
            // Rows with slack at the optimum are dropped: the rows are dense (a tree reaches every node), and the
            // LP's size, not the tree search, is what slows the rounds. Any subset of valid rows still gives a
            // valid bound, and a dropped row comes back if it is violated again.
            let binding = model.constraints.indices.filter {
                model.constraints[$0].activity(at: result.values) <= 1 + Self.slackToDrop
            }
            model.constraints = binding.map { model.constraints[$0] }
            outcome.rows = binding.map { outcome.rows[$0] }
            // GLPK's optimum is exact to its tolerances (about 1e-9 relative); the margin keeps the rounding safe.
            outcome.bound = max(outcome.bound, Int((value - 1e-6 * max(1, value)).rounded(.up)))
            length = result.values
            if outcome.bound >= target { break }
        }
        return outcome
    }

    /// For each node, the index (in `graph.edges`) of the edge to each of its neighbours, in neighbour order.
    static func neighbourEdges(_ graph: DistrictingGraph) -> [[Int]] {
        var index: [IndexPair: Int] = [:]
        for (position, edge) in graph.edges.enumerated() {
            index[edge] = position
        }
        return graph.neighbours.enumerated().map { node, list in list.compactMap { index[IndexPair(node, $0)] } }
    }
}
