import Foundation
import GridData
import GridModel
import GridRules
import LinearSolver
import Testing

@testable import Matching

/// Measurements for issue 13's closing note, run only when `WANGGE_MATCHING_MEASURE` names a folder to write into:
/// what cutting a community's week into days costs against one model of the whole week, and one community-day's
/// models exported as CPLEX LP for HiGHS (Benchmarks/scripts/dispatch_highs.py re-solves them).
@Suite("Dispatch measurements")
struct DispatchPartsMeasurementTests {
    static var folder: String? { ProcessInfo.processInfo.environment["WANGGE_MATCHING_MEASURE"] }

    static func problem(community: String) throws -> (DispatchProblem, DispatchRules) {
        var street = try RequestLoopSimulationTests.street()
        let rules = try RuleSet.builtIn()
        let buildings = Dictionary(street.buildings.map { ($0.id, $0.communityID) }, uniquingKeysWith: { a, _ in a })
        let homes = Dictionary(street.residents.map { ($0.id, $0.buildingID) }, uniquingKeysWith: { a, _ in a })
        street.requests = street.requests.filter { request in
            let building: BuildingID? =
                switch request.requester {
                case .resident(let id): homes[id]
                case .building(let id): id
                }
            return building.flatMap { buildings[$0] } == CommunityID(community)
        }
        let week = RequestLoopSimulationTests.week
        let loop = RequestLoop(
            requests: street.requests, previous: [], responses: [], completions: [],
            asOf: LocalDateTime(date: week.monday.adding(days: 7), minuteOfDay: 0), offersAtAsOf: false)
        let problem = DispatchProblemBuilder(street: street, rules: rules, week: week).problem(loop: loop).problem
        return (problem, DispatchRules(rules.matching))
    }

    @Test("One community's week: days cut apart against the whole week", .enabled(if: folder != nil))
    func partsAgainstWhole() throws {
        let (problem, rules) = try Self.problem(community: "C02")
        func summary(_ result: DispatchResult) -> String {
            let priorityOf = Dictionary(problem.requests.map { ($0.id, $0.priority) }, uniquingKeysWith: { a, _ in a })
            let priority = result.matches.map { priorityOf[$0.request] ?? 0 }.reduce(0, +)
            let metres = result.matches.map(\.walkingMetres).reduce(0, +)
            let tiers = result.parts.flatMap(\.tiers)
            let proven = result.parts.filter(\.isWalkingOptimal)
            return "matched \(result.matches.count), priority \(priority), walking \(Int(metres)) m, "
                + "parts \(result.parts.count) (priority and walking proven in \(proven.count)), "
                + "GLPK \(String(format: "%.1f", tiers.map(\.seconds).reduce(0, +))) s"
        }
        let clock = ContinuousClock()
        var start = clock.now
        let parts = try Dispatcher(rules: rules).dispatch(problem)
        let partsTime = clock.now - start
        start = clock.now
        let whole = try Dispatcher(rules: rules, options: DispatchOptions(partition: .whole, secondsPerTier: 600))
            .dispatch(problem)
        let wholeTime = clock.now - start
        print("C02 week, \(problem.requests.count) requests, \(problem.volunteers.count) volunteers")
        print("  by day:  \(summary(parts)), \(partsTime)")
        print("  whole:   \(summary(whole)), \(wholeTime)")
        #expect(parts.matches.count <= whole.matches.count + problem.requests.count)
    }

    @Test("One community-day exported for HiGHS", .enabled(if: folder != nil))
    func exportCommunityDay() throws {
        let (week, rules) = try Self.problem(community: "C02")
        let dispatcher = Dispatcher(rules: rules)
        // The community's busiest day, on its own (so its ledger is empty, as a week's first part's is).
        let weekContext = DispatchContext(week, rules: rules)
        let busiest = try #require(dispatcher.partition(weekContext).max { $0.requests.count < $1.requests.count })
        let ids = Set(busiest.requests.map { weekContext.requests[$0].id })
        let problem = DispatchProblem(
            requests: week.requests.filter { ids.contains($0.id) }, volunteers: week.volunteers)
        let context = DispatchContext(problem, rules: rules)
        let ledger = DispatchLedger(volunteers: context.volunteers, rules: rules)
        let part = try #require(dispatcher.partition(context).first)
        let (candidates, _) = dispatcher.listCandidates(part.requests, context: context, ledger: ledger)
        var model = DispatchPartModel(candidates: candidates, context: context, ledger: ledger)
        let base = model.model
        let solved = try model.solve(secondsPerTier: 600)
        var priority = base
        priority.sense = .maximize
        for index in priority.variables.indices {
            priority.variables[index].objective = index < candidates.count ? context.requests[candidates[index].request].priority : 0
        }
        let folder = URL(fileURLWithPath: Self.folder ?? "/tmp")
        try priority.writeCPLEXLP(to: folder.appendingPathComponent("dispatch-priority.lp"))
        // The second solve's model: the priority held at GLPK's value, decimetres plus the scaled load.
        try model.model.writeCPLEXLP(to: folder.appendingPathComponent("dispatch-walking-load.lp"))
        print(
            "community-day \(part.community?.rawValue ?? "") day \(part.day ?? 0): \(part.requests.count) requests, "
                + "\(candidates.count) candidates; GLPK tiers "
                + solved.tiers.map { "\($0.tier.rawValue) \($0.status) \($0.objective)" }.joined(separator: ", ")
                + "; walking in whole decimetres "
                + "\(Int(solved.chosen.map { (candidates[$0].metres * 10).rounded() }.reduce(0, +)))")
        #expect(solved.tiers.first?.status == .optimal)
    }
}
