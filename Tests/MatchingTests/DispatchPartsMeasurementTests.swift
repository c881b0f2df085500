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
        let (pairs, _) = dispatcher.listPairs(part.requests, context: context, ledger: ledger)
        // Every pair in the model, as HiGHS gets it; the search on its own proves the same optimum.
        let everyPair = pairs.values.map(\.count).max() ?? 1
        var search = DispatchPartSearch(
            requests: part.requests, pairs: pairs, kept: everyPair, context: context, ledger: ledger,
            secondsPerTier: 600)
        var model = DispatchPartModel(candidates: search.candidates(), context: context, ledger: ledger)
        let candidates = model.candidates
        model.setPriorityObjective()
        let folder = URL(fileURLWithPath: Self.folder ?? "/tmp")
        try model.model.writeCPLEXLP(to: folder.appendingPathComponent("dispatch-priority.lp"))
        let solved = try search.solve()
        // The second solve's model: the priority held at GLPK's value, decimetres plus the scaled load.
        model.holdPriority(solved.tiers[0].objective)
        model.setWalkingObjective(loadScale: search.loadScale)
        try model.model.writeCPLEXLP(to: folder.appendingPathComponent("dispatch-walking-load.lp"))
        var lean = DispatchPartSearch(
            requests: part.requests, pairs: pairs, kept: DispatchOptions().keptAtFirst, context: context,
            ledger: ledger, secondsPerTier: 600)
        let leanSolved = try lean.solve()
        print(
            "community-day \(part.community?.rawValue ?? "") day \(part.day ?? 0): \(part.requests.count) requests, "
                + "\(candidates.count) candidates; GLPK tiers "
                + solved.tiers.map { "\($0.tier.rawValue) \($0.status) \($0.objective)" }.joined(separator: ", ")
                + "; walking in whole decimetres "
                + "\(Int(solved.chosen.map { ($0.metres * 10).rounded() }.reduce(0, +)))"
                + "; from the nearest \(DispatchOptions().keptAtFirst): \(leanSolved.candidates) candidates, tiers "
                + leanSolved.tiers.map { "\($0.tier.rawValue) \($0.status) \($0.objective)" }.joined(separator: ", "))
        #expect(leanSolved.tiers[0].objective == solved.tiers[0].objective)
        #expect(abs(leanSolved.tiers[1].objective - solved.tiers[1].objective) < 0.1)
        #expect(solved.tiers.first?.status == .optimal)
    }
}
