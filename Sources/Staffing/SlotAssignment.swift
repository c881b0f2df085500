import LinearSolver

/// An assignment of people to slots (grid posts, micro-grids, mentees) as a GLPK model with one shortfall slack per
/// slot: the solver minimises first the total shortfall (each missing holder costs ``shortfallCost``), then the
/// pairs' costs.
///
/// Every pair is a binary variable; each slot takes `demand` holders minus its slack; each person takes at most its
/// limit. Locked pairs are fixed to 1 (conflicting locks are refused before the model is built).
struct SlotAssignment {
    /// A person who may fill a slot, at a cost.
    struct Pair {
        var slot: Int
        var person: Int
        var cost: Double
        var locked: Bool = false
    }

    /// What the solver chose.
    struct Outcome {
        var chosen: [Pair]
        /// Missing holders per slot.
        var missing: [Int]
        var result: SolveResult
    }

    /// A missing holder costs this much: more than any set of pair costs can save. Not a planner's choice: it makes
    /// the hard rules (holders per slot) come before every preference, which the rules' weights then rank.
    static let shortfallCost = 1000.0
    /// Every pair's cost starts here, so that bonuses keep it positive. Not a planner's choice: each slot's holders
    /// are counted exactly, so every plan filling the same slots pays it equally and it never decides between them.
    static let pairBaseCost = 10.0

    var name: String
    var demand: [Int]
    var pairs: [Pair]
    /// Slots one person may hold at most (people absent here have `defaultLimit`).
    var limits: [Int: Int] = [:]
    var defaultLimit: Int
    /// Rows added after the standard ones, given the pair variables.
    var extraRows: ((inout LinearModel, [VariableIndex]) -> Void)?

    /// Builds and solves the model.
    func solve(timeLimit: Double) throws(StaffingError) -> Outcome {
        var model = LinearModel(name: name, sense: .minimize)
        var variables: [VariableIndex] = []
        variables.reserveCapacity(pairs.count)
        var bySlot = [[LinearTerm]](repeating: [], count: demand.count)
        var byPerson: [Int: [LinearTerm]] = [:]
        for (index, pair) in pairs.enumerated() {
            let variable = model.addVariable(
                "x\(index)", kind: .binary, lower: pair.locked ? 1 : 0, upper: 1, objective: pair.cost)
            variables.append(variable)
            bySlot[pair.slot].append(LinearTerm(variable, 1))
            byPerson[pair.person, default: []].append(LinearTerm(variable, 1))
        }
        for (slot, count) in demand.enumerated() {
            let slack = model.addVariable(
                "short\(slot)", kind: .integer, lower: 0, upper: Double(count), objective: Self.shortfallCost)
            model.addConstraint("fill\(slot)", bySlot[slot] + [LinearTerm(slack, 1)], .equal(Double(count)))
        }
        for person in byPerson.keys.sorted() {
            let terms = byPerson[person] ?? []
            let limit = limits[person] ?? defaultLimit
            guard terms.count > limit else { continue }
            model.addConstraint("person\(person)", terms, .lessOrEqual(Double(limit)))
        }
        extraRows?(&model, variables)
        let result = try StaffingSolver.solve(model, timeLimit: timeLimit)
        var chosen: [Pair] = []
        var filled = [Int](repeating: 0, count: demand.count)
        for (index, pair) in pairs.enumerated() where (result.value(variables[index]) ?? 0) > 0.5 {
            chosen.append(pair)
            filled[pair.slot] += 1
        }
        let missing = demand.indices.map { max(0, demand[$0] - filled[$0]) }
        return Outcome(chosen: chosen, missing: missing, result: result)
    }
}
