import LinearSolver
import PlanningSupport

/// The exact cut-edge districting model for GLPK: a labelling model with single-commodity-flow contiguity.
///
/// Variables: x(i,p) node i in part p; r(i,p) node i is the root (smallest node) of part p; y(e) edge e is cut;
/// f(u→v) flow. Each part has one root, flows run only over uncut edges and every non-root node consumes one unit,
/// so each part is connected (Validi, Buchanan & Lykhovyd's SCF). Symmetry is removed by labelling parts in order of
/// their first node in a fixed node order, heaviest first (the i-th node can only be in parts 0…i, and part p+1's
/// root comes after part p's root). The objective is Σ y(e); MIR and cover cuts are on, and the heuristic partition
/// is the first incumbent. Measured on the county graphs: ME, NM, ID proven in seconds; WV (55 nodes, k = 3) stops
/// at bound 21 after 60 s with the optimum 23 found by the heuristic. `PartitionSolver` therefore runs
/// `CutEdgeEnumeration` first (it proves all twelve county graphs) and this model only on graphs of 128 nodes or more,
/// or with the time the enumeration leaves.
struct CutEdgeModel {
    let request: DistrictingRequest
    private var model = LinearModel(name: "districting-cut-edges", sense: .minimize)
    /// x(i,p), nil where the ordering forbids node i in part p.
    private var assign: [[VariableIndex?]] = []
    private var root: [[VariableIndex?]] = []
    private var cut: [VariableIndex] = []
    /// Flow variables per edge: (u→v, v→u).
    private var flow: [(VariableIndex, VariableIndex)] = []
    /// The symmetry-breaking node order (heaviest first) and each node's position in it.
    private var order: [Int] = []
    private var rank: [Int] = []

    /// What the exact stage found.
    struct Outcome {
        var part: [Int]?
        var bound: Double?
        var provenOptimal: Bool
        var provenInfeasible: Bool
    }

    /// Whether contiguity comes from flow rows (otherwise from separator rows added in a loop).
    let useFlow: Bool

    init(request: DistrictingRequest, useFlow: Bool = true) {
        self.request = request
        self.useFlow = useFlow
        build()
    }

    private mutating func build() {
        let graph = request.graph
        let n = graph.nodeCount
        let k = request.parts
        let capacity = Double(n - k + 1)
        // Symmetry is broken along an order of the nodes: heaviest first, so the first parts' roots are fixed early.
        order = (0..<n).sorted {
            graph.weights[$0] != graph.weights[$1] ? graph.weights[$0] > graph.weights[$1] : $0 < $1
        }
        rank = Array(repeating: 0, count: n)
        for (position, node) in order.enumerated() {
            rank[node] = position
        }
        assign = (0..<n).map { i in
            (0..<k).map { p in
                p <= rank[i] ? model.addVariable("x_\(i)_\(p)", kind: .binary, upper: 1) : nil
            }
        }
        root = (0..<n).map { i in
            (0..<k).map { p in
                p <= rank[i] ? model.addVariable("r_\(i)_\(p)", kind: .binary, upper: 1) : nil
            }
        }
        cut = graph.edges.map { model.addVariable("y_\($0.first)_\($0.second)", kind: .binary, upper: 1, objective: 1) }
        flow = !useFlow ? [] : graph.edges.map { edge in
            (model.addVariable("f_\(edge.first)_\(edge.second)", upper: capacity),
             model.addVariable("f_\(edge.second)_\(edge.first)", upper: capacity))
        }
        for i in 0..<n {
            model.addConstraint("one_\(i)", assign[i].compactMap { $0 }.map { LinearTerm($0, 1) }, .equal(1))
        }
        for p in 0..<k {
            let terms = (0..<n).compactMap { i in assign[i][p].map { LinearTerm($0, Double(graph.weights[i])) } }
            model.addConstraint("weight_\(p)", terms,
                                .ranged(lower: Double(request.bounds.min), upper: Double(request.bounds.max)))
            model.addConstraint("root_\(p)", (0..<n).compactMap { root[$0][p].map { LinearTerm($0, 1) } }, .equal(1))
            var prefix: [LinearTerm] = []
            for i in order {
                guard let x = assign[i][p], let r = root[i][p] else { continue }
                model.addConstraint("root_in_\(i)_\(p)", [LinearTerm(r, 1), LinearTerm(x, -1)], .lessOrEqual(0))
                prefix.append(LinearTerm(r, -1))
                // A member's part has its root at or before it: the root is the smallest member.
                model.addConstraint("root_first_\(i)_\(p)", [LinearTerm(x, 1)] + prefix, .lessOrEqual(0))
            }
        }
        // Part p+1's root lies after part p's root: Σ_{i≤j} r(i,p+1) ≤ Σ_{i<j} r(i,p) for every j.
        if k > 1 {
            for p in 0..<(k - 1) {
                for j in 1..<n {
                    var terms: [LinearTerm] = []
                    for position in 0...j {
                        let i = order[position]
                        if let r = root[i][p + 1] { terms.append(LinearTerm(r, 1)) }
                        if position < j, let r = root[i][p] { terms.append(LinearTerm(r, -1)) }
                    }
                    if terms.contains(where: { $0.coefficient > 0 }) {
                        model.addConstraint("order_\(p)_\(j)", terms, .lessOrEqual(0))
                    }
                }
            }
        }
        for (index, edge) in graph.edges.enumerated() {
            // y(e) ≥ |x(u,p) − x(v,p)| for every part. The extended form (z(e,p) ≥ |x(u,p) − x(v,p)|,
            // 2·y(e) ≥ Σ_p z(e,p)) has a tighter LP but slowed GLPK's search on the county graphs (WV: bound 20
            // instead of 21 in 60 s), so it is not used.
            for p in 0..<k {
                let xu = assign[edge.first][p], xv = assign[edge.second][p]
                if xu == nil && xv == nil { continue }
                var forward = [LinearTerm(cut[index], 1)]
                var backward = [LinearTerm(cut[index], 1)]
                if let xu {
                    forward.append(LinearTerm(xu, -1))
                    backward.append(LinearTerm(xu, 1))
                }
                if let xv {
                    forward.append(LinearTerm(xv, 1))
                    backward.append(LinearTerm(xv, -1))
                }
                model.addConstraint("cut_\(index)_\(p)_a", forward, .greaterOrEqual(0))
                model.addConstraint("cut_\(index)_\(p)_b", backward, .greaterOrEqual(0))
            }
            guard useFlow else { continue }
            let (uv, vu) = flow[index]
            model.addConstraint("flow_open_\(index)",
                                [LinearTerm(uv, 1), LinearTerm(vu, 1), LinearTerm(cut[index], capacity)],
                                .lessOrEqual(capacity))
        }
        // A non-root member has a neighbour in its part.
        for i in 0..<n {
            for p in 0..<k {
                guard let x = assign[i][p] else { continue }
                var terms = [LinearTerm(x, 1)]
                if let r = root[i][p] { terms.append(LinearTerm(r, -1)) }
                terms += graph.neighbours[i].compactMap { assign[$0][p].map { LinearTerm($0, -1) } }
                model.addConstraint("neighbour_\(i)_\(p)", terms, .lessOrEqual(0))
            }
        }
        guard useFlow else { return }
        var balance = Array(repeating: [LinearTerm](), count: n)
        for (index, edge) in graph.edges.enumerated() {
            let (uv, vu) = flow[index]
            balance[edge.second] += [LinearTerm(uv, 1), LinearTerm(vu, -1)]
            balance[edge.first] += [LinearTerm(vu, 1), LinearTerm(uv, -1)]
        }
        for i in 0..<n {
            // Inflow − outflow ≥ 1 unless i is a root.
            let roots = root[i].compactMap { $0 }.map { LinearTerm($0, capacity) }
            model.addConstraint("consume_\(i)", balance[i] + roots, .greaterOrEqual(1))
        }
    }

    /// The full variable vector of a valid connected partition (parts renumbered by their first node in the order).
    func values(for partition: [Int]) -> [Double]? {
        let graph = request.graph
        let k = request.parts
        var relabel: [Int: Int] = [:]
        for node in order where relabel[partition[node]] == nil {
            relabel[partition[node]] = relabel.count
        }
        let part = partition.map { relabel[$0] ?? 0 }
        guard Set(part).count == k else { return nil }
        var values = Array(repeating: 0.0, count: model.variables.count)
        var firstNode = Array(repeating: -1, count: k)
        for i in order {
            let p = part[i]
            guard let x = assign[i][p] else { return nil }
            values[x.rawValue] = 1
            if firstNode[p] < 0 {
                firstNode[p] = i
                guard let r = root[i][p] else { return nil }
                values[r.rawValue] = 1
            }
        }
        for (index, edge) in graph.edges.enumerated() where part[edge.first] != part[edge.second] {
            values[cut[index].rawValue] = 1
        }
        guard useFlow else { return values }
        // Flows along a breadth-first tree of each part: each tree arc carries its subtree's size.
        var edgeIndex: [IndexPair: Int] = [:]
        for (index, edge) in graph.edges.enumerated() {
            edgeIndex[edge] = index
        }
        for p in 0..<k {
            let rootNode = firstNode[p]
            var parent = [rootNode: -1]
            let order = BreadthFirstSearch.reach(from: rootNode, neighbours: { graph.neighbours[$0] }) { v, u in
                guard part[v] == p && parent[v] == nil else { return false }
                parent[v] = u
                return true
            }
            guard order.count == part.filter({ $0 == p }).count else { return nil }
            var size: [Int: Double] = [:]
            for u in order.reversed() {
                let s = (size[u] ?? 0) + 1
                size[u] = s
                guard let up = parent[u], up >= 0, let index = edgeIndex[IndexPair(u, up)] else { continue }
                size[up, default: 0] += s
                let (uv, vu) = flow[index]
                // The arc runs from the parent `up` to `u`.
                values[(graph.edges[index].first == up ? uv : vu).rawValue] = s
            }
        }
        return values
    }

    /// Solves within `seconds`, starting from `incumbent` when it is a valid partition.
    ///
    /// Without flow rows, contiguity is enforced lazily: solve, find the parts that fall apart, add a,b-separator
    /// rows (x(a,p) + x(b,p) − 1 ≤ Σ_{c∈S} x(c,p) for a piece's node b, its part's root a and a minimal
    /// separator S) and solve again. GLPK's lazy-row callbacks are not used (rows added there have been reported
    /// lost), so each round is a fresh solve; every round's optimum is a valid lower bound.
    func solve(incumbent: [Int]?, seconds: Double) -> Outcome {
        let deadline = Deadline(seconds: seconds)
        var working = model
        var best = incumbent
        var bestValue = incumbent.map { request.graph.cutEdges($0) } ?? Int.max
        var bound: Double?
        while !deadline.passed {
            var options = SolveOptions(
                timeLimit: max(0.05, deadline.remaining), relativeGap: 0, cuts: .recommended,
                pseudocostBranching: true
            )
            if let best, let start = values(for: best), working.isFeasible(start) {
                options.startSolution = start
            }
            guard let result = try? GLPKSolver().solve(working, options: options) else { break }
            if result.status == .infeasible {
                return Outcome(part: best, bound: bound, provenOptimal: false, provenInfeasible: best == nil)
            }
            if let value = result.bound {
                bound = max(bound ?? -.infinity, (value - 1e-6).rounded(.up))
            }
            guard result.hasSolution else { break }
            let part = (0..<request.graph.nodeCount).map { i in
                (0..<request.parts).first { p in assign[i][p].map { result.values[$0.rawValue] > 0.5 } ?? false } ?? 0
            }
            let rows = separatorRows(part)
            if rows.isEmpty {
                let value = request.graph.cutEdges(part)
                if value < bestValue {
                    best = part
                    bestValue = value
                }
                let proven = result.status == .optimal
                return Outcome(part: best, bound: proven ? Double(value) : bound, provenOptimal: proven,
                               provenInfeasible: false)
            }
            guard result.status == .optimal else { break }
            working.constraints += rows
        }
        return Outcome(part: best, bound: bound, provenOptimal: false, provenInfeasible: false)
    }

    /// Separator rows cutting off the disconnected parts of `part` (every label, by symmetry of the rows).
    func separatorRows(_ part: [Int]) -> [LinearConstraint] {
        let graph = request.graph
        var rows: [LinearConstraint] = []
        for label in 0..<request.parts {
            let members = (0..<graph.nodeCount).filter { part[$0] == label }
            guard let rootNode = members.first else { continue }
            var component = Array(repeating: -1, count: graph.nodeCount)
            var pieces: [[Int]] = []
            for start in members where component[start] < 0 {
                let pieceNumber = pieces.count
                component[start] = pieceNumber
                let piece = BreadthFirstSearch.reach(from: start, neighbours: { graph.neighbours[$0] }) { v, _ in
                    guard part[v] == label && component[v] < 0 else { return false }
                    component[v] = pieceNumber
                    return true
                }
                pieces.append(piece)
            }
            guard pieces.count > 1 else { continue }
            for (index, piece) in pieces.enumerated() where index != component[rootNode] {
                let inside = Set(piece)
                let fence = Set(piece.flatMap { graph.neighbours[$0] }.filter { !inside.contains($0) })
                // Keep only the fence nodes the root can reach without crossing the fence: a minimal separator.
                var reached = Set([rootNode])
                var stack = [rootNode]
                while let u = stack.popLast() {
                    for v in graph.neighbours[u]
                    where !reached.contains(v) && !fence.contains(v) && !inside.contains(v) {
                        reached.insert(v)
                        stack.append(v)
                    }
                }
                let separator = fence.filter { c in graph.neighbours[c].contains { reached.contains($0) } }.sorted()
                for b in piece {
                    for p in 0..<request.parts {
                        guard let xa = assign[rootNode][p], let xb = assign[b][p] else { continue }
                        var terms = [LinearTerm(xa, 1), LinearTerm(xb, 1)]
                        terms += separator.compactMap { assign[$0][p].map { LinearTerm($0, -1) } }
                        rows.append(LinearConstraint(name: "sep_\(rootNode)_\(b)_\(p)_\(rows.count)", terms: terms,
                                                     bounds: .lessOrEqual(1)))
                    }
                }
            }
        }
        return rows
    }
}
