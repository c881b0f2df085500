import Benchmark
import Foundation
import GeneralizedAssignment
import GridData
import GridModel
import GridRules

/// The repository root, found from this file so that the suite runs from any working directory.
private let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(maxDuration: .seconds(10), maxIterations: 50)

    Benchmark("Load and validate the sample street (20,000 households)") { benchmark in
        let folder = repository.appendingPathComponent("Scenarios/sample-street")
        for _ in benchmark.scaledIterations {
            blackHole(try StreetLoader(directory: folder).load())
        }
    }

    Benchmark("Load and check the default rule set") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try RuleSet.load(directory: repository.appendingPathComponent("Rules")))
        }
    }

    Benchmark("Solve GAP c05100 to optimality (GLPK, MIR cuts, heuristic incumbents)") { benchmark in
        let file = repository.appendingPathComponent("Benchmarks/data/gap/c05100")
        let instance = try GeneralizedAssignmentFileReader.read(contentsOf: file)[0]
        let problem = try GeneralizedAssignmentProblem(
            name: instance.name, cost: instance.cost, resource: instance.resource, capacity: instance.capacity)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try GeneralizedAssignmentSolver().solve(problem, sense: .minimize, timeLimit: 30))
        }
    }

    rosterBenchmarks(repository: repository)

    Benchmark("ISO week of 10k dates") { benchmark in
        for offset in 0..<10_000 {
            blackHole(ISOWeek(containing: CalendarDate(daysSinceEpoch: 20_000 + offset)))
        }
    }
}
