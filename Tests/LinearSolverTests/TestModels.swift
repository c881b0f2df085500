import LinearSolver

/// A small seeded generator so that test models are the same on every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Models with known answers, built in code.
enum TestModels {
    /// max 5x + 4y + 3z, 2x + 3y + z ≤ 5, 4x + y + 2z ≤ 11, 3x + 4y + 2z ≤ 8, x, y, z ≥ 0: optimum 13 at (2, 0, 1).
    static func chvatalLP() -> LinearModel {
        var model = LinearModel(name: "chvatal", sense: .maximize)
        let x = model.addVariable("x", objective: 5)
        let y = model.addVariable("y", objective: 4)
        let z = model.addVariable("z", objective: 3)
        model.addConstraint("a", [LinearTerm(x, 2), LinearTerm(y, 3), LinearTerm(z, 1)], .lessOrEqual(5))
        model.addConstraint("b", [LinearTerm(x, 4), LinearTerm(y, 1), LinearTerm(z, 2)], .lessOrEqual(11))
        model.addConstraint("c", [LinearTerm(x, 3), LinearTerm(y, 4), LinearTerm(z, 2)], .lessOrEqual(8))
        return model
    }

    /// A 0-1 knapsack (maximise value within the weight capacity); tests check it against enumeration.
    static func knapsack(values: [Double], weights: [Double], capacity: Double) -> LinearModel {
        var model = LinearModel(name: "knapsack", sense: .maximize)
        let items = values.indices.map { model.addVariable("item \($0)", kind: .binary, objective: values[$0]) }
        model.addConstraint("capacity", zip(items, weights).map { LinearTerm($0, $1) }, .lessOrEqual(capacity))
        return model
    }

    /// A market-split instance (Cornuéjols–Dawande): rows Σ a_ij x_j + plus_i − minus_i = d_i, minimise the slack.
    /// Small, but far beyond GLPK in a fraction of a second; x = 0 with full slack is always feasible.
    static func marketSplit(rows: Int, columns: Int, seed: UInt64) -> (model: LinearModel, start: [Double]) {
        var random = SplitMix64(seed: seed)
        var model = LinearModel(name: "market split", sense: .minimize)
        let x = (0..<columns).map { model.addVariable("x\($0)", kind: .binary) }
        var start = Array(repeating: 0.0, count: columns)
        for row in 0..<rows {
            let coefficients = (0..<columns).map { _ in Double(random.next(below: 100)) }
            let target = (coefficients.reduce(0, +) / 2).rounded(.down)
            let plus = model.addVariable("plus\(row)", objective: 1)
            let minus = model.addVariable("minus\(row)", objective: 1)
            var terms = zip(x, coefficients).map { LinearTerm($0, $1) }
            terms.append(LinearTerm(plus, 1))
            terms.append(LinearTerm(minus, -1))
            model.addConstraint("split\(row)", terms, .equal(target))
            start.append(target)
            start.append(0)
        }
        return (model, start)
    }

    /// A random generalized assignment problem (agents × jobs), C-type capacities; binary x[agent * jobs + job].
    static func assignment(agents: Int, jobs: Int, seed: UInt64) -> LinearModel {
        var random = SplitMix64(seed: seed)
        var model = LinearModel(name: "gap", sense: .minimize)
        var resource = Array(repeating: Array(repeating: 0.0, count: jobs), count: agents)
        for agent in 0..<agents {
            for job in 0..<jobs {
                resource[agent][job] = Double(5 + random.next(below: 21))
                model.addVariable(
                    "x[\(agent),\(job)]",
                    kind: .binary,
                    objective: Double(10 + random.next(below: 41))
                )
            }
        }
        for job in 0..<jobs {
            let terms = (0..<agents).map { LinearTerm(VariableIndex($0 * jobs + job), 1) }
            model.addConstraint("assign \(job)", terms, .equal(1))
        }
        for agent in 0..<agents {
            let capacity = (0.8 * resource[agent].reduce(0, +) / Double(agents)).rounded(.down)
            let terms = (0..<jobs).map { LinearTerm(VariableIndex(agent * jobs + $0), resource[agent][$0]) }
            model.addConstraint("capacity \(agent)", terms, .lessOrEqual(capacity))
        }
        return model
    }
}
