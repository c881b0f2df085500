import GeneralizedAssignment
import LinearSolver
import Testing

@Suite struct LagrangianHeuristicTests {
    /// A cheap configuration, so that the suite stays fast in debug builds.
    static let quick = LagrangianHeuristic(subgradientIterations: 150, searchMoves: 600, stallMovesPerJob: 10)

    @Test(arguments: ["gap4.txt", "gap8.txt", "gap12.txt"], [ObjectiveSense.minimize, .maximize])
    func assignmentIsFeasibleAndTheBoundHoldsTheOptimum(file: String, sense: ObjectiveSense) throws {
        let known = try GapFixtures.knownValues()
        for problem in try GapFixtures.problems(file) {
            let optimum = try #require(known[problem.name]?[sense], "no known value for \(problem.name)")
            let outcome = Self.quick.initialSolution(for: problem, sense: sense, deadline: nil)
            let assignment = try #require(outcome.assignment, "\(problem.name): no assignment")
            let check = GeneralizedAssignmentCheck(problem: problem, assignment: assignment)
            #expect(check.isFeasible, "\(problem.name): \(check.violations)")
            let objective = try #require(check.objective)
            let bound = try #require(outcome.bound)
            if sense == .minimize {
                #expect(bound <= optimum && optimum <= objective, "\(problem.name): \(bound) … \(objective)")
            } else {
                #expect(bound >= optimum && optimum >= objective, "\(problem.name): \(objective) … \(bound)")
            }
            // The core should come close on these small sets; 2 % is far looser than what it reaches.
            #expect(abs(objective - optimum) <= 0.02 * abs(optimum), "\(problem.name): \(objective) vs \(optimum)")
        }
    }

    @Test func boundIsAtLeastTheLPBoundOnALargerInstance() throws {
        let problem = try #require(
            try GapFixtures.problems("c05100").first
        )
        let outcome = Self.quick.initialSolution(for: problem, sense: .minimize, deadline: nil)
        let bound = try #require(outcome.bound)
        // The Lagrangian dual with knapsack subproblems is at least as strong as the LP relaxation; the subgradient
        // steps stop short of the dual optimum, so allow one unit.
        let relaxed = try GLPKSolver().solveRelaxation(problem.linearModel(sense: .minimize))
        let lpValue = try #require(relaxed.objective)
        #expect(bound >= lpValue.rounded(.up) - 1, "Lagrangian \(bound) vs LP \(lpValue)")
        #expect(bound <= 1931)
        let check = GeneralizedAssignmentCheck(problem: problem, assignment: try #require(outcome.assignment))
        #expect(check.isFeasible)
    }

    /// Excluded variables are never used by the heuristic's own assignment, nor by an optimal one when the
    /// heuristic's is worse (a weak configuration makes that case common).
    @Test(arguments: ["gap8.txt", "gap11.txt", "gap12.txt"])
    func excludedVariablesKeepEveryBetterAssignment(file: String) throws {
        let weak = LagrangianHeuristic(subgradientIterations: 40, searchMoves: 0, stallMovesPerJob: 1)
        var worseSeen = 0
        for problem in try GapFixtures.problems(file) {
            let outcome = weak.initialSolution(for: problem, sense: .minimize, deadline: nil)
            let assignment = try #require(outcome.assignment)
            let own = Set(assignment.enumerated().map { problem.variableIndex(agent: $0.element, job: $0.offset) })
            #expect(own.isDisjoint(with: outcome.excludedVariables))
            let exact = try GeneralizedAssignmentSolver(heuristic: nil).solve(problem, sense: .minimize)
            let check = GeneralizedAssignmentCheck(problem: problem, assignment: assignment)
            let heuristicCost = try #require(check.objective)
            guard let optimum = exact.objective, optimum < heuristicCost else { continue }
            worseSeen += 1
            let optimal = Set(exact.assignment.enumerated().map {
                problem.variableIndex(agent: $0.element, job: $0.offset)
            })
            #expect(optimal.isDisjoint(with: outcome.excludedVariables), "\(problem.name)")
        }
        #expect(worseSeen > 0 || file != "gap12.txt", "the weak configuration found every optimum of \(file)")
    }

    @Test func sameSeedSameResult() throws {
        let problem = try GapFixtures.problems("gap12.txt")[2]
        let first = Self.quick.initialSolution(for: problem, sense: .minimize, deadline: nil)
        let second = Self.quick.initialSolution(for: problem, sense: .minimize, deadline: nil)
        #expect(first == second)
        let guidedFirst = Self.quick.guidedAssignment(
            for: problem, sense: .minimize, relaxation: Array(repeating: 0.1, count: 600), incumbent: nil
        )
        let guidedSecond = Self.quick.guidedAssignment(
            for: problem, sense: .minimize, relaxation: Array(repeating: 0.1, count: 600), incumbent: nil
        )
        #expect(guidedFirst == guidedSecond)
    }

    @Test func fractionalDataKeepAValidBound() throws {
        // Halved resources are no longer integers: the knapsacks fall back to the LP bound.
        let original = try GapFixtures.problems("gap5.txt")[0]
        let problem = try GeneralizedAssignmentProblem(
            name: "gap5-0 halved",
            cost: original.cost,
            resource: original.resource.map { $0.map { $0 * 0.5 + 0.25 } },
            capacity: original.capacity.map { $0 * 0.5 }
        )
        let exact = try GeneralizedAssignmentSolver(heuristic: nil).solve(problem, sense: .minimize)
        let optimum = try #require(exact.objective)
        let outcome = Self.quick.initialSolution(for: problem, sense: .minimize, deadline: nil)
        let bound = try #require(outcome.bound)
        #expect(bound <= optimum)
        let assignment = try #require(outcome.assignment)
        let check = GeneralizedAssignmentCheck(problem: problem, assignment: assignment)
        #expect(check.isFeasible, "\(check.violations)")
        #expect(try #require(check.objective) >= optimum)
    }

    @Test func guidedAssignmentFollowsAnIntegralRelaxationAndBeatsOnlyWorseIncumbents() throws {
        let problem = try GapFixtures.problems("gap3.txt")[1]
        let optimum = try GeneralizedAssignmentSolver(heuristic: nil).solve(problem, sense: .minimize)
        let values = problem.modelValues(for: optimum.assignment)
        let guided = try #require(
            Self.quick.guidedAssignment(for: problem, sense: .minimize, relaxation: values, incumbent: nil)
        )
        let check = GeneralizedAssignmentCheck(problem: problem, assignment: guided)
        #expect(check.isFeasible)
        #expect(check.objective == optimum.objective)
        // Nothing is better than an optimal incumbent.
        #expect(
            Self.quick.guidedAssignment(
                for: problem, sense: .minimize, relaxation: values, incumbent: optimum.assignment
            ) == nil
        )
    }

    @Test func infeasibleProblemGivesNoAssignment() throws {
        let problem = try GeneralizedAssignmentProblem(
            name: "too small",
            cost: [[1, 2], [3, 4]],
            resource: [[5, 5], [5, 5]],
            capacity: [4, 9]
        )
        let outcome = Self.quick.initialSolution(for: problem, sense: .minimize, deadline: nil)
        #expect(outcome.assignment == nil)
    }

    @Test func solverStopsAtAStatedGapAndReportsAValidBound() throws {
        let problem = try #require(
            try GapFixtures.problems("c05100").first
        )
        let result = try GeneralizedAssignmentSolver().solve(
            problem, sense: .minimize, timeLimit: 20, relativeGap: 0.01
        )
        let objective = try #require(result.objective)
        let bound = try #require(result.bound)
        #expect(bound <= 1931 && 1931 <= objective)
        #expect((objective - bound) / objective <= 0.01 + 1e-12)
        #expect(try #require(result.check).isFeasible)
    }
}
