import GridModel
@testable import GeneralizedAssignment
import LinearSolver
import Testing

@Suite struct LagrangianRelaxationTests {
    /// Multipliers of three kinds: each job's second-cheapest cost, its cheapest plus a constant, and seeded noise.
    static func multipliers(for data: AssignmentData) -> [[Double]] {
        var random = SplitMix64(seed: 7)
        let costs = (0..<data.jobs).map { job in (0..<data.agents).map { data.cost[$0 * data.jobs + job] }.sorted() }
        return [
            costs.map { $0.count > 1 ? $0[1] : $0[0] },
            costs.map { $0[0] + 5 },
            costs.map { $0[0] + Double(random.below(Int($0[$0.count - 1] - $0[0]) + 1)) },
        ]
    }

    /// For any multipliers, the bound holds the optimum, and so does the bound raised by the penalty of every pair the
    /// optimal assignment uses: the penalties never exclude an optimal pair.
    @Test(arguments: ["gap2.txt", "gap6.txt", "gap9.txt", "gap12.txt"], [ObjectiveSense.minimize, .maximize])
    func penaltiesNeverExcludeAnOptimalPair(file: String, sense: ObjectiveSense) throws {
        for problem in try GapFixtures.problems(file).prefix(2) {
            let exact = try GeneralizedAssignmentSolver(heuristic: nil).solve(problem, sense: sense)
            #expect(exact.status == .optimal)
            let data = AssignmentData(problem: problem, sense: sense)
            let optimum = data.totalCost(exact.assignment)
            var relaxation = LagrangianRelaxation(data: data)
            var total = 0.0
            for multipliers in Self.multipliers(for: data) {
                let bound = relaxation.evaluate(multipliers, penalties: true)
                #expect(bound <= optimum + 1e-6, "\(problem.name): bound \(bound) > optimum \(optimum)")
                for (job, agent) in exact.assignment.enumerated() {
                    let raised = bound + relaxation.penalty[agent * data.jobs + job]
                    #expect(raised <= optimum + 1e-6, "\(problem.name): job \(job) on \(agent): \(raised) > \(optimum)")
                }
                total += relaxation.penalty.filter(\.isFinite).reduce(0, +)
            }
            #expect(total > 0, "\(problem.name): no penalty at all")
        }
    }

    @Test func fractionalDataUseTheLPBoundWithoutPenalties() throws {
        let original = try GapFixtures.problems("gap5.txt")[1]
        let problem = try GeneralizedAssignmentProblem(
            name: "gap5-1 scaled",
            cost: original.cost,
            resource: original.resource.map { $0.map { $0 * 0.75 } },
            capacity: original.capacity.map { $0 * 0.75 }
        )
        let exact = try GeneralizedAssignmentSolver(heuristic: nil).solve(problem, sense: .minimize)
        let optimum = try #require(exact.objective)
        let data = AssignmentData(problem: problem, sense: .minimize)
        #expect(!data.integralResources)
        var relaxation = LagrangianRelaxation(data: data)
        for multipliers in Self.multipliers(for: data) {
            let bound = relaxation.evaluate(multipliers, penalties: true)
            #expect(bound <= optimum + 1e-6)
            for (job, agent) in exact.assignment.enumerated() {
                #expect(bound + relaxation.penalty[agent * data.jobs + job] <= optimum + 1e-6)
            }
        }
    }
}
