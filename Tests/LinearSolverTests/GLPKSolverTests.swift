import Dispatch
import LinearSolver
import Testing

@Suite struct GLPKSolverTests {
    private let solver = GLPKSolver()

    @Test func linearProgramReachesKnownOptimum() throws {
        let result = try solver.solve(TestModels.chvatalLP())
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? 0) - 13) < 1e-9)
        #expect(result.bound == result.objective)
        #expect(result.gap == 0)
        #expect(abs(result.values[0] - 2) < 1e-9 && abs(result.values[1]) < 1e-9 && abs(result.values[2] - 1) < 1e-9)
        #expect(result.nodes == 0)
    }

    @Test func knapsackMatchesEnumeration() throws {
        let values: [Double] = [10, 13, 7, 8, 9, 4, 11]
        let weights: [Double] = [5, 7, 4, 5, 6, 2, 6]
        let capacity = 17.0
        var best = 0.0
        for mask in 0..<(1 << values.count) {
            let chosen = values.indices.filter { mask & (1 << $0) != 0 }
            if chosen.map({ weights[$0] }).reduce(0, +) <= capacity {
                best = max(best, chosen.map { values[$0] }.reduce(0, +))
            }
        }
        let model = TestModels.knapsack(values: values, weights: weights, capacity: capacity)
        let result = try solver.solve(model)
        #expect(result.status == .optimal)
        #expect(result.objective == best)
        #expect(model.isFeasible(result.values))
        #expect(model.objectiveValue(at: result.values) == best)
        let relaxation = try solver.solveRelaxation(model)
        #expect(relaxation.status == .optimal)
        #expect((relaxation.objective ?? 0) >= best - 1e-9)
    }

    @Test func integerVariablesWithGeneralBounds() throws {
        // min 3a − 2b, a, b integer, a ∈ [−3, 4], b ∈ [−5, 5], a + b ≥ 1.5, −10 ≤ b − a ≤ 2.5: the optimum is
        // found by enumerating every integer point.
        var model = LinearModel()
        let a = model.addVariable("a", kind: .integer, lower: -3, upper: 4, objective: 3)
        let b = model.addVariable("b", kind: .integer, lower: -5, upper: 5, objective: -2)
        model.addConstraint("sum", [LinearTerm(a, 1), LinearTerm(b, 1)], .greaterOrEqual(1.5))
        model.addConstraint("difference", [LinearTerm(b, 1), LinearTerm(a, -1)], .ranged(lower: -10, upper: 2.5))
        var best = Double.infinity
        for av in -3...4 {
            for bv in -5...5 where Double(av + bv) >= 1.5 && Double(bv - av) <= 2.5 {
                best = min(best, Double(3 * av - 2 * bv))
            }
        }
        let result = try solver.solve(model)
        #expect(result.status == .optimal)
        #expect(result.objective == best)
        #expect(model.isFeasible(result.values))
    }

    @Test func infeasibleModels() throws {
        var lp = LinearModel()
        let x = lp.addVariable("x", upper: 3, objective: 1)
        lp.addConstraint("too high", [LinearTerm(x, 1)], .greaterOrEqual(5))
        let lpResult = try solver.solve(lp)
        #expect(lpResult.status == .infeasible)
        #expect(lpResult.objective == nil && lpResult.values.isEmpty)

        // The LP relaxation is feasible (x = 0.5) but no integer point is.
        var mip = LinearModel()
        let y = mip.addVariable("y", kind: .integer, lower: 0, upper: 1, objective: 1)
        mip.addConstraint("half", [LinearTerm(y, 2)], .equal(1))
        let mipResult = try solver.solve(mip)
        #expect(mipResult.status == .infeasible)
        #expect(try solver.solveRelaxation(mip).status == .optimal)
    }

    @Test func unboundedModels() throws {
        var lp = LinearModel(sense: .maximize)
        let x = lp.addVariable("x", objective: 1)
        let y = lp.addVariable("y", objective: 1)
        lp.addConstraint("difference", [LinearTerm(x, 1), LinearTerm(y, -1)], .lessOrEqual(2))
        #expect(try solver.solve(lp).status == .unbounded)

        var mip = LinearModel(sense: .minimize)
        let n = mip.addVariable("n", kind: .integer, lower: -.infinity, upper: .infinity, objective: 1)
        let m = mip.addVariable("m", kind: .integer, lower: 0, upper: .infinity)
        mip.addConstraint("link", [LinearTerm(n, 1), LinearTerm(m, 1)], .lessOrEqual(4))
        #expect(try solver.solve(mip).status == .unbounded)
    }

    @Test func timeLimitKeepsTheStartingIncumbentAndABound() throws {
        let (model, start) = TestModels.marketSplit(rows: 4, columns: 30, seed: 7)
        #expect(model.isFeasible(start))
        let startObjective = model.objectiveValue(at: start)
        let result = try solver.solve(model, options: SolveOptions(timeLimit: 0.3, startSolution: start))
        #expect(result.status == .feasible)
        let objective = try #require(result.objective)
        let bound = try #require(result.bound)
        #expect(objective <= startObjective)
        #expect(bound <= objective)
        #expect(try #require(result.gap) > 0)
        #expect(model.isFeasible(result.values))
        #expect(abs(model.objectiveValue(at: result.values) - objective) < 1e-6)
        #expect(result.seconds < 2)
    }

    @Test func heuristicIsAskedWithRelaxationValuesAndItsSolutionIsUsed() throws {
        let (model, start) = TestModels.marketSplit(rows: 3, columns: 20, seed: 11)
        var requests = 0
        var sawRelaxation = false
        let options = SolveOptions(
            timeLimit: 0.3,
            heuristic: { request in
                requests += 1
                sawRelaxation = sawRelaxation || request.relaxationValues.count == model.variables.count
                // An infeasible offer must be ignored, not handed to GLPK.
                return requests == 1 ? Array(repeating: 1, count: model.variables.count) : start
            },
            heuristicInterval: 1
        )
        let result = try solver.solve(model, options: options)
        #expect(requests >= 2)
        #expect(sawRelaxation)
        #expect(result.hasSolution)
        #expect(model.isFeasible(result.values))
        #expect(try #require(result.objective) <= model.objectiveValue(at: start))
    }

    @Test func optimalStartSolutionIsKeptOrMatched() throws {
        let model = TestModels.assignment(agents: 5, jobs: 20, seed: 3)
        let reference = try solver.solve(model)
        #expect(reference.status == .optimal)
        let warm = try solver.solve(model, options: SolveOptions(startSolution: reference.values))
        #expect(warm.status == .optimal)
        #expect(warm.objective == reference.objective)
    }

    @Test func maximisationBoundIsAnUpperBound() throws {
        var model = TestModels.assignment(agents: 8, jobs: 60, seed: 5)
        model.sense = .maximize
        let result = try solver.solve(model, options: SolveOptions(timeLimit: 0.2, cuts: []))
        let relaxation = try solver.solveRelaxation(model)
        if let objective = result.objective, let bound = result.bound {
            #expect(bound >= objective)
            #expect(bound <= (relaxation.objective ?? .infinity) + 1e-6)
        }
        #expect([SolveStatus.optimal, .feasible, .noSolution].contains(result.status))
    }

    @Test func concurrentSolvesEqualSerialSolves() throws {
        let models = (0..<4).map { TestModels.assignment(agents: 6, jobs: 30, seed: UInt64(20 + $0)) }
        let serial = try models.map { try GLPKSolver().solve($0).objective }
        let collected = ResultBox(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let result = try? GLPKSolver().solve(models[index % 4])
            collected.set(index, result?.objective)
        }
        for index in 0..<8 {
            #expect(collected.get(index) == serial[index % 4])
        }
        #expect(serial.allSatisfy { $0 != nil })
    }
}

/// Results written by concurrent workers, guarded by a lock.
final class ResultBox: @unchecked Sendable {
    private var values: [Double?]
    private let lock = NSLockLike()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Double?) { lock.withLock { values[index] = value } }

    func get(_ index: Int) -> Double? { lock.withLock { values[index] } }
}

/// A DispatchSemaphore used as a mutex, so the test needs no Foundation import.
final class NSLockLike: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)

    func withLock<T>(_ body: () -> T) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}
