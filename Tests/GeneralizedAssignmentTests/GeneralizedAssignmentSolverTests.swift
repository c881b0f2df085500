import Foundation
import GeneralizedAssignment
import LinearSolver
import Testing

@Suite struct GeneralizedAssignmentSolverTests {
    static let cases: [(Int, ObjectiveSense)] = (1...12).flatMap { file in
        [(file, ObjectiveSense.minimize), (file, .maximize)]
    }

    /// All 60 OR-Library gap1–gap12 optima, as minimisation and as maximisation, proven optimal and verified.
    @Test(arguments: cases)
    func reproducesORLibraryOptima(file: Int, sense: ObjectiveSense) throws {
        let known = try GapFixtures.knownValues()
        let problems = try GapFixtures.problems("gap\(file).txt")
        #expect(problems.count == 5)
        for problem in problems {
            let expected = try #require(known[problem.name]?[sense], "no known value for \(problem.name)")
            let result = try GeneralizedAssignmentSolver().solve(problem, sense: sense, timeLimit: 60)
            #expect(result.status == .optimal, "\(problem.name) \(sense)")
            #expect(result.objective == expected, "\(problem.name) \(sense)")
            #expect(result.bound == expected, "\(problem.name) \(sense)")
            #expect(result.gap == 0)
            let check = try #require(result.check)
            #expect(check.isFeasible, "\(check.violations)")
            #expect(check.objective == expected)
        }
    }

    @Test func plainGLPKWithoutHeuristicAgrees() throws {
        let problem = try GapFixtures.problems("gap8.txt")[1]
        let result = try GeneralizedAssignmentSolver(heuristic: nil).solve(problem, sense: .minimize)
        #expect(result.status == .optimal)
        #expect(result.objective == 783)
    }

    @Test func zeroTimeLimitStillReturnsTheHeuristicAssignment() throws {
        let problem = try #require(
            try GapFixtures.problems("c05100").first
        )
        let result = try GeneralizedAssignmentSolver().solve(problem, sense: .minimize, timeLimit: 0)
        #expect(result.status == .feasible)
        let check = try #require(result.check)
        #expect(check.isFeasible)
        #expect(try #require(result.objective) >= 1931)
        #expect(result.assignment.count == 100)
    }

    @Test func shortTimeLimitOnALargerInstanceReportsAValidBound() throws {
        let problem = try #require(
            try GapFixtures.problems("c05100").first
        )
        let result = try GeneralizedAssignmentSolver().solve(problem, sense: .minimize, timeLimit: 0.5)
        let objective = try #require(result.objective)
        let bound = try #require(result.bound)
        #expect(bound <= 1931 && 1931 <= objective)
        #expect([SolveStatus.optimal, .feasible].contains(result.status))
        #expect(result.seconds < 3)
    }

    @Test func negativeTimeLimitIsRefused() throws {
        let problem = try GapFixtures.problems("gap1.txt")[0]
        #expect(throws: GeneralizedAssignmentError.self) {
            try GeneralizedAssignmentSolver().solve(problem, sense: .minimize, timeLimit: -1)
        }
    }

    @Test func infeasibleProblemIsReported() throws {
        let problem = try GeneralizedAssignmentProblem(
            name: "too small",
            cost: [[1, 2], [3, 4]],
            resource: [[5, 5], [5, 5]],
            capacity: [4, 9]
        )
        let result = try GeneralizedAssignmentSolver().solve(problem, sense: .minimize)
        #expect(result.status == .infeasible)
        #expect(result.objective == nil && result.check == nil)
    }
}
