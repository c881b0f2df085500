import LinearSolver
import Testing

/// Every model GLPK would abort on must be stopped in Swift with an error, and the process must go on.
@Suite struct LinearModelTests {
    private static func validModel() -> LinearModel {
        var model = LinearModel(name: "valid")
        let x = model.addVariable("x", kind: .integer, lower: 0, upper: 10, objective: 1)
        model.addConstraint("floor", [LinearTerm(x, 1)], .greaterOrEqual(3))
        return model
    }

    /// Models that GLPK would abort the process on (or silently misread), each with the text its error must contain.
    static let invalidModels: [(String, LinearModel, String)] = {
        var cases: [(String, LinearModel, String)] = []
        var model = validModel()
        model.addConstraint("out of range", [LinearTerm(VariableIndex(7), 1)], .lessOrEqual(1))
        cases.append(("index out of range", model, "expected an index in 0..<1"))
        model = validModel()
        model.addConstraint("negative index", [LinearTerm(VariableIndex(-1), 1)], .lessOrEqual(1))
        cases.append(("negative index", model, "refers to variable -1"))
        model = validModel()
        model.addConstraint("nan", [LinearTerm(VariableIndex(0), .nan)], .lessOrEqual(1))
        cases.append(("NaN coefficient", model, "coefficient nan"))
        model = validModel()
        model.addConstraint("inf", [LinearTerm(VariableIndex(0), .infinity)], .lessOrEqual(1))
        cases.append(("infinite coefficient", model, "coefficient inf"))
        model = validModel()
        model.addVariable("y", lower: 5, upper: 2)
        cases.append(("lower above upper", model, "lower bound 5.0 is above upper bound 2.0"))
        model = validModel()
        model.addVariable("y", lower: .nan)
        cases.append(("NaN bound", model, "not NaN"))
        model = validModel()
        model.addVariable("y", objective: .nan)
        cases.append(("NaN objective", model, "objective coefficient nan"))
        model = validModel()
        model.addVariable("y", lower: .infinity)
        cases.append(("lower +inf", model, "lower bound +inf"))
        model = validModel()
        model.addVariable("b", kind: .binary, lower: 0, upper: 2)
        cases.append(("binary with bad bounds", model, "expected bounds within {0, 1}"))
        model = validModel()
        model.addVariable("n", kind: .integer, lower: 0.5, upper: 3)
        cases.append(("integer with fractional bound", model, "fractional lower bound 0.5"))
        model = validModel()
        model.addConstraint("range", [LinearTerm(VariableIndex(0), 1)], .ranged(lower: 4, upper: 1))
        cases.append(("range lower above upper", model, "range lower 4.0 is above upper 1.0"))
        model = validModel()
        model.addConstraint("rhs", [LinearTerm(VariableIndex(0), 1)], .lessOrEqual(.nan))
        cases.append(("NaN right-hand side", model, "right-hand side nan"))
        return cases
    }()

    @Test(arguments: invalidModels.indices)
    func invalidModelThrowsAndProcessSurvives(caseIndex: Int) throws {
        let (label, model, expected) = Self.invalidModels[caseIndex]
        let solver = GLPKSolver()
        for attempt in [{ try solver.solve(model) }, { try solver.solveRelaxation(model) }] {
            do {
                _ = try attempt()
                Issue.record("\(label): expected an error")
            } catch {
                #expect("\(error)".contains(expected), "\(label): \(error)")
            }
        }
        #expect(throws: LinearSolverError.self) { try model.cplexLPText() }
        #expect(throws: LinearSolverError.self) { try model.mpsText() }
        // The process is still alive and GLPK still works on this thread.
        let valid = try solver.solve(Self.validModel())
        #expect(valid.status == .optimal)
        #expect(valid.objective == 3)
    }

    private static func invalidOptions(_ index: Int) -> (SolveOptions, String) {
        switch index {
        case 0: return (SolveOptions(timeLimit: -1), "timeLimit")
        case 1: return (SolveOptions(timeLimit: .nan), "timeLimit")
        case 2: return (SolveOptions(relativeGap: -0.1), "relativeGap")
        case 3: return (SolveOptions(relativeGap: 1), "relativeGap")
        case 4: return (SolveOptions(startSolution: [1, 2]), "starting solution")
        case 5: return (SolveOptions(startSolution: [.infinity]), "starting solution")
        default: return (SolveOptions(heuristicInterval: 0), "heuristicInterval")
        }
    }

    @Test(arguments: 0..<7)
    func invalidOptionsThrow(caseIndex: Int) {
        let (options, expected) = Self.invalidOptions(caseIndex)
        do {
            _ = try GLPKSolver().solve(Self.validModel(), options: options)
            Issue.record("expected an error mentioning \(expected)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func feasibilityCheckCoversBoundsIntegralityAndRows() {
        let model = Self.validModel()
        #expect(model.isFeasible([3]))
        #expect(!model.isFeasible([2]))
        #expect(!model.isFeasible([3.5]))
        #expect(!model.isFeasible([11]))
        #expect(!model.isFeasible([]))
        #expect(model.objectiveValue(at: [4]) == 4)
    }

    @Test func repeatedVariablesInARowAreSummed() throws {
        var model = LinearModel(sense: .maximize)
        let x = model.addVariable("x", upper: 100, objective: 1)
        model.addConstraint("twice", [LinearTerm(x, 1), LinearTerm(x, 1)], .lessOrEqual(10))
        let result = try GLPKSolver().solve(model)
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? 0) - 5) < 1e-9)
    }
}
