import GridModel
import GridRules
import LinearSolver

/// Stage (a) of a community's week: which visitor makes each one-visitor visit.
///
/// maximise Σ (w_v + b_vp) x_vp − Σ_p Σ_i m_pi s_pi
/// subject to Σ_p x_vp ≤ 1 for each visit v; Σ_v x_vp − Σ_i s_pi = 0 for each visitor p;
/// 0 ≤ x_vp ≤ 1, 0 ≤ s_pi ≤ 1 for i < capacity_p.
///
/// w_v grows by a factor of ``priorityStep`` (2.5) per priority level present (so a visit is never traded for one of
/// a lower level: a visit takes one unit of one visitor's capacity), then by the carried-over and last-week shares of
/// `visits.assignment_preferences` (×1.25 for debt and ×1.2 in its last week by default); b_vp is the pairing bonus
/// of `visits.fixed_pairing` (0.45, above any fairness saving, below any visit's weight, so the paired visitor is
/// kept whenever that costs no visit), the skill bonus (0.2) and a seeded tie-break below ``tieBreakScale``. The
/// segments s_pi (at most ``loadPieces`` per visitor, whole visits each) price the visits of piece i at the load
/// cost (0.35) × (the piece's middle visit) / budget_p: a convex cost of load per hour of visiting time, so the load
/// spreads in proportion to hours. Every number but the three constants comes from the rules. The matrix is a
/// bipartite incidence matrix with unit columns, hence totally unimodular: the simplex's vertex optimum is
/// integral, so an LP solves the assignment exactly.
struct VisitAssignmentModel {
    /// A visit's weight grows by this factor per priority class above the lowest present. Not a planner's choice:
    /// it makes `visits.priority` (a hard order) hold while a visit's shares and bonuses add up to less than 1.5
    /// (1.1 by default).
    static let priorityStep = 2.5
    /// The seeded tie-break adds at most this: below every rule's bonus, so it only orders equal choices.
    static let tieBreakScale = 0.001
    /// Load-cost pieces per visitor at most: the model's size, not a preference (fewer pieces, coarser convexity).
    static let loadPieces = 4

    /// The visits, in the order kept first.
    let visits: [OpenVisit]
    /// Candidate visitors of each visit (person indices), paired first.
    let candidates: [[Int]]
    /// Each visitor's remaining capacity this week.
    let capacity: [Int: Int]
    /// Each visitor's visits allowed by hours (for load ratios).
    let budget: [Int: Double]
    /// Person indices that have each needed skill set, per visit.
    let skillMatch: [[Bool]]
    /// The paired person's bonus (`visits.fixed_pairing`).
    let pairingBonus: Double
    /// Shares, bonus and load cost (`visits.assignment_preferences`).
    let preferences: VisitRules.AssignmentPreferences
    let seed: UInt64
    let personIDs: [Int: PersonID]

    /// The LP and the index of each x_vp variable; with `integral`, x binary and s integer (the same optimum,
    /// since the matrix is totally unimodular), for solvers that take only integer models (CP-SAT).
    func build(integral: Bool = false) -> (model: LinearModel, x: [[VariableIndex]]) {
        var model = LinearModel(name: "roster", sense: .maximize)
        let levels = Array(Set(visits.map(\.due.priorityRank))).sorted()
        var x: [[VariableIndex]] = []
        var columnsOf: [Int: [LinearTerm]] = [:]
        for (v, visit) in visits.enumerated() {
            let level = levels.count - 1 - (levels.firstIndex(of: visit.due.priorityRank) ?? 0)
            let scale = preferences.weight
            var weight = Self.power(Self.priorityStep, level)
            weight *=
                1 + (visit.due.isDebt ? scale * preferences.carriedOverBonus : 0)
                + (visit.due.isLastChance ? scale * preferences.lastWeekBonus : 0)
            var row: [VariableIndex] = []
            var terms: [LinearTerm] = []
            for (c, person) in candidates[v].enumerated() {
                var gain = weight
                if visit.paired == person { gain += pairingBonus }
                if skillMatch[v][c] && !visit.needs.isEmpty { gain += scale * preferences.skillBonus }
                let name = personIDs[person]?.rawValue ?? "\(person)"
                gain += Self.tieBreakScale * RosterHash.unit(seed, "assign", visit.key, name)
                let variable = model.addVariable(
                    "x_\(v)_\(c)", kind: integral ? .binary : .continuous, lower: 0, upper: 1, objective: gain)
                row.append(variable)
                terms.append(LinearTerm(variable, 1))
                columnsOf[person, default: []].append(LinearTerm(variable, 1))
            }
            x.append(row)
            if !terms.isEmpty { model.addConstraint("visit_\(v)", terms, .lessOrEqual(1)) }
        }
        for person in columnsOf.keys.sorted() {
            var terms = columnsOf[person] ?? []
            let cap = capacity[person] ?? 0
            let hours = max(1, budget[person] ?? 1)
            let pieces = Self.pieces(cap)
            var start = 0
            for (i, size) in pieces.enumerated() {
                let middle = Double(start) + Double(size + 1) / 2
                let cost = preferences.weight * preferences.loadCost * middle / hours
                let s = model.addVariable(
                    "s_\(person)_\(i)", kind: integral ? .integer : .continuous, lower: 0, upper: Double(size),
                    objective: -cost)
                terms.append(LinearTerm(s, -1))
                start += size
            }
            model.addConstraint("load_\(person)", terms, .equal(0))
        }
        return (model, x)
    }

    /// Solves the LP; the chosen candidate of each visit (nil: left out) and the solve's summary.
    func solve(timeLimit: Double) -> (chosen: [Int?], summary: RosterSolveSummary)? {
        let (model, x) = build()
        guard !model.variables.isEmpty else {
            return (Array(repeating: nil, count: visits.count), RosterSolveSummary())
        }
        let result: SolveResult
        do {
            result = try GLPKSolver().solve(model, options: SolveOptions(timeLimit: timeLimit))
        } catch {
            return nil
        }
        guard result.hasSolution else { return nil }
        var chosen: [Int?] = []
        for (v, row) in x.enumerated() {
            let best = row.indices.max { (result.value(row[$0]) ?? 0) < (result.value(row[$1]) ?? 0) }
            if let best, (result.value(row[best]) ?? 0) > 0.5 {
                chosen.append(candidates[v][best])
            } else {
                chosen.append(nil)
            }
        }
        let objective = result.objective ?? 0
        let bound = result.bound ?? objective
        let summary = RosterSolveSummary(
            status: result.status.rawValue, objective: objective, bound: bound,
            gap: result.gap ?? 0, models: 1)
        return (chosen, summary)
    }

    /// The objective of an assignment (the chosen candidate per visit), its load segments filled in order.
    func objective(of chosen: [Int?]) -> Double {
        let (model, x) = build()
        var values = Array(repeating: 0.0, count: model.variables.count)
        var load: [Int: Int] = [:]
        for (v, person) in chosen.enumerated() {
            guard let person, let c = candidates[v].firstIndex(of: person) else { continue }
            values[x[v][c].rawValue] = 1
            load[person, default: 0] += 1
        }
        for (index, variable) in model.variables.enumerated() where variable.name.hasPrefix("s_") {
            let parts = variable.name.split(separator: "_")
            guard parts.count == 3, let person = Int(parts[1]) else { continue }
            let take = min(variable.upperBound, Double(load[person] ?? 0))
            values[index] = take
            load[person] = (load[person] ?? 0) - Int(take)
        }
        return model.objectiveValue(at: values)
    }

    /// A capacity cut into at most ``loadPieces`` pieces of whole visits, so that the load cost stays convex with few
    /// columns.
    static func pieces(_ capacity: Int) -> [Int] {
        guard capacity > 0 else { return [] }
        let count = min(Self.loadPieces, capacity)
        return (0..<count).map { capacity / count + ($0 < capacity % count ? 1 : 0) }
    }

    private static func power(_ base: Double, _ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<max(0, exponent) { value *= base }
        return value
    }
}
