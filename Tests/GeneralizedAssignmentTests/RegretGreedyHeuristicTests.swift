import GridModel
import GeneralizedAssignment
import LinearSolver
import Testing

@Suite struct RegretGreedyHeuristicTests {
    @Test(arguments: ["gap4.txt", "gap8.txt", "gap12.txt", "c05100"], [ObjectiveSense.minimize, .maximize])
    func initialAssignmentIsFeasibleAndNoBetterThanTheOptimum(file: String, sense: ObjectiveSense) throws {
        let known = try GapFixtures.knownValues()
        for problem in try GapFixtures.problems(file) {
            guard let assignment = RegretGreedyHeuristic().initialAssignment(for: problem, sense: sense) else {
                continue
            }
            let check = GeneralizedAssignmentCheck(problem: problem, assignment: assignment)
            #expect(check.isFeasible, "\(problem.name): \(check.violations)")
            if let optimum = known[problem.name]?[sense], let objective = check.objective {
                #expect(sense == .minimize ? objective >= optimum : objective <= optimum)
            }
        }
    }

    @Test func guidedAssignmentFollowsAnIntegralRelaxation() throws {
        let problem = try GapFixtures.problems("gap1.txt")[0]
        let optimum = try GeneralizedAssignmentSolver(heuristic: nil).solve(problem, sense: .minimize)
        let values = problem.modelValues(for: optimum.assignment)
        let guided = try #require(
            RegretGreedyHeuristic().guidedAssignment(
                for: problem, sense: .minimize, relaxation: values, incumbent: nil
            )
        )
        let check = GeneralizedAssignmentCheck(problem: problem, assignment: guided)
        #expect(check.isFeasible)
        #expect(check.objective == optimum.objective)
    }

    @Test func checkFindsBrokenAssignments() throws {
        let problem = try GeneralizedAssignmentProblem(
            name: "small",
            cost: [[1, 2, 3], [4, 5, 6]],
            resource: [[2, 2, 2], [1, 1, 1]],
            capacity: [3, 3]
        )
        let good = GeneralizedAssignmentCheck(problem: problem, assignment: [0, 1, 1])
        #expect(good.isFeasible && good.objective == 12)
        let overloaded = Language.$current.withValue(.english) {
            GeneralizedAssignmentCheck(problem: problem, assignment: [0, 0, 1])
        }
        #expect(overloaded.violations == ["agent 0 uses 4.0 of capacity 3.0"])
        let missing = GeneralizedAssignmentCheck(problem: problem, assignment: [0, nil, 1])
        #expect(!missing.isFeasible && missing.objective == nil)
        #expect(problem.assignment(fromModelValues: [1, 0, 0, 0, 1, 1]) == [0, 1, 1])
        #expect(problem.assignment(fromModelValues: [1, 1, 0, 1, 1, 1]) == [nil, nil, 1])
    }
}
