import LinearSolver
import Testing

/// The row duals of an LP, checked against a hand-solved dual and strong duality.
@Suite struct RowDualsTests {
    /// min 2x + 3y with x + y ≥ 4 and x ≤ 3 (as a row): x = 3, y = 1, cost 9; y basic gives dual 3 on the first
    /// row, x basic gives 2 − 3 − π = 0, π = −1 on the second; 3·4 − 1·3 = 9.
    private func model(sense: ObjectiveSense) -> LinearModel {
        var model = LinearModel(name: "duals", sense: sense)
        let sign: Double = sense == .minimize ? 1 : -1
        let x = model.addVariable("x", objective: 2 * sign)
        let y = model.addVariable("y", objective: 3 * sign)
        model.addConstraint("cover", [LinearTerm(x, 1), LinearTerm(y, 1)], .greaterOrEqual(4))
        model.addConstraint("cap", [LinearTerm(x, 1)], .lessOrEqual(3))
        return model
    }

    @Test func minimisingDualsAreTheHandSolvedOnes() throws {
        let result = try GLPKSolver().solve(model(sense: .minimize))
        #expect(result.status == .optimal)
        #expect(result.rowDuals.count == 2)
        #expect(abs(result.rowDuals[0] - 3) < 1e-9 && abs(result.rowDuals[1] + 1) < 1e-9)
        #expect(abs(result.rowDuals[0] * 4 + result.rowDuals[1] * 3 - (result.objective ?? 0)) < 1e-9)
    }

    @Test func maximisingDualsChangeSign() throws {
        let result = try GLPKSolver().solveRelaxation(model(sense: .maximize))
        #expect(abs(result.rowDuals[0] + 3) < 1e-9 && abs(result.rowDuals[1] - 1) < 1e-9)
        #expect(abs((result.objective ?? 0) + 9) < 1e-9)
    }

    @Test func thePrimalSimplexFindsTheSameOptimumAndDuals() throws {
        for sense in [ObjectiveSense.minimize, .maximize] {
            let dual = try GLPKSolver().solveRelaxation(model(sense: sense))
            let primal = try GLPKSolver().solveRelaxation(
                model(sense: sense), options: SolveOptions(primalSimplex: true))
            #expect(primal.status == .optimal)
            #expect(abs((primal.objective ?? .nan) - (dual.objective ?? .nan)) < 1e-9)
            #expect(zip(primal.rowDuals, dual.rowDuals).allSatisfy { abs($0 - $1) < 1e-9 })
            #expect(primal.rowDuals.count == 2)
        }
    }

    @Test func aMixedIntegerSolveHasNoDuals() throws {
        var mip = model(sense: .minimize)
        mip.variables[0].kind = .integer
        #expect(try GLPKSolver().solve(mip).rowDuals.isEmpty)
    }
}
