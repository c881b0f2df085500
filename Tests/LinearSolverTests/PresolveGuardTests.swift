import LinearSolver
import Testing

/// GLPK's MIP presolver may reduce a model to nothing; an internal error there used to end the process. Small models
/// it solves entirely, each with the presolver on (no start), must come back with an answer, in order and in
/// parallel threads, and the solver must keep working afterwards.
@Suite("GLPK presolver guard")
struct PresolveGuardTests {
    /// Models the presolver settles on its own: fixed columns, singleton rows, a chain of fixings.
    static func settledModels() -> [LinearModel] {
        var fixed = LinearModel(name: "fixed", sense: .maximize)
        let x = fixed.addVariable("x", kind: .binary, objective: 1)
        let y = fixed.addVariable("y", kind: .binary, objective: 1)
        fixed.addConstraint("pack", [LinearTerm(x, 1), LinearTerm(y, 1)], .lessOrEqual(1))
        fixed.addConstraint("force", [LinearTerm(x, 1)], .greaterOrEqual(1))
        var chain = LinearModel(name: "chain", sense: .minimize)
        let a = chain.addVariable("a", kind: .binary, objective: 1)
        let b = chain.addVariable("b", kind: .binary, objective: 2)
        let c = chain.addVariable("c", kind: .binary, objective: 3)
        chain.addConstraint("ab", [LinearTerm(a, 1), LinearTerm(b, 1)], .greaterOrEqual(1))
        chain.addConstraint("bc", [LinearTerm(b, 1), LinearTerm(c, 1)], .greaterOrEqual(1))
        chain.addConstraint("a_set", [LinearTerm(a, 1)], .equal(1))
        chain.addConstraint("c_off", [LinearTerm(c, 1)], .lessOrEqual(0))
        var continuous = LinearModel(name: "mixed", sense: .maximize)
        let z = continuous.addVariable("z", kind: .binary, objective: 2)
        let w = continuous.addVariable("w", lower: 0, upper: 1, objective: 1)
        continuous.addConstraint("link", [LinearTerm(w, 1), LinearTerm(z, -1)], .equal(0))
        return [fixed, chain, continuous]
    }

    @Test("Models the presolver settles come back solved, and the solver keeps working")
    func settled() throws {
        let solver = GLPKSolver()
        let expected = [1.0, 3.0, 3.0]
        for (model, objective) in zip(Self.settledModels(), expected) {
            do throws(LinearSolverError) {
                let result = try solver.solve(model, options: SolveOptions(presolve: true))
                #expect(result.status == .optimal)
                #expect(abs((result.objective ?? .nan) - objective) < 1e-9)
            } catch {
                // The guard's answer: an error, the process alive.
                #expect(error == .solverFailure(code: -1, reason: GLPKSolver.internalErrorReason))
            }
        }
        let after = try solver.solve(TestModels.chvatalLP())
        #expect(after.status == .optimal)
    }
}
