import GridModel
import LinearSolver
import Testing

@testable import Matching

/// The part search's pricing: the Lagrangian bound it proves with must hold for every pair of the part, whatever the
/// model holds, and must be as strong as the LP once the model holds every pair.
@Suite("Dispatch pricing")
struct DispatchPricingTests {
    /// One community-day of a random week, its pairs listed as the dispatcher lists them.
    struct Setting {
        var context: DispatchContext
        var ledger: DispatchLedger
        var requests: [Int]
        var pairs: [Int: [DispatchPartSearch.Pair]]

        init(seed: UInt64) throws {
            let problem = RandomDispatchProblem.make(seed: seed, requests: 30, volunteers: 40)
            let rules = RandomDispatchProblem.rules()
            let dispatcher = Dispatcher(rules: rules, options: DispatchOptions(keepsNearestPerPart: false))
            context = DispatchContext(problem, rules: rules)
            ledger = DispatchLedger(volunteers: context.volunteers, rules: rules)
            requests = try #require(dispatcher.partition(context).first).requests
            pairs = dispatcher.listPairs(requests, context: context, ledger: ledger).0
        }

        func search(kept: Int) -> DispatchPartSearch {
            DispatchPartSearch(
                requests: requests, pairs: pairs, kept: kept, context: context, ledger: ledger, secondsPerTier: 60)
        }
    }

    /// The search's model with a tier's objective: the priority, or the walk with the priority held at `held`.
    static func model(_ search: DispatchPartSearch, holding held: Double?) -> DispatchPartModel {
        var part = search.build()
        if let held {
            part.holdPriority(held)
            part.setWalkingObjective(loadScale: search.loadScale)
        } else {
            part.setPriorityObjective()
        }
        return part
    }

    /// The LP optimum of `part` in the minimising form, and its row duals.
    static func relaxation(_ part: DispatchPartModel) throws -> (objective: Double, duals: [Double]) {
        let result = try GLPKSolver().solveRelaxation(part.model, options: SolveOptions(primalSimplex: true))
        #expect(result.status == .optimal)
        let objective = try #require(result.objective)
        return (part.model.sense == .minimize ? objective : -objective, result.rowDuals)
    }

    @Test("From the nearest pair alone, the bound never exceeds the LP over every pair", arguments: 0..<6)
    func boundHoldsForLeftOutPairs(seed: Int) throws {
        let setting = try Setting(seed: 1300 + UInt64(seed))
        let every = setting.pairs.values.map(\.count).max() ?? 1
        let lean = setting.search(kept: 1)
        // Held at what the lean model's LP reaches, which the LP over every pair reaches too.
        let held = -(try Self.relaxation(Self.model(lean, holding: nil)).objective)
        for holding in [nil, held] {
            let whole = try Self.relaxation(Self.model(setting.search(kept: every), holding: holding))
            let part = Self.model(lean, holding: holding)
            let restricted = try Self.relaxation(part)
            let priced = lean.price(part, duals: restricted.duals)
            #expect(priced.bound <= whole.objective + 1e-6 * max(1, abs(whole.objective)))
            #expect(priced.bound <= restricted.objective + 1e-6 * max(1, abs(restricted.objective)))
            #expect(priced.leftOut.allSatisfy { $0.increment >= 0 })
        }
    }

    @Test("With every pair in the model, the bound is the LP's", arguments: 0..<6)
    func boundEqualsLinearRelaxation(seed: Int) throws {
        let setting = try Setting(seed: 1400 + UInt64(seed))
        let every = setting.pairs.values.map(\.count).max() ?? 1
        let full = setting.search(kept: every)
        let held = -(try Self.relaxation(Self.model(full, holding: nil)).objective)
        for holding in [nil, held] {
            let part = Self.model(full, holding: holding)
            let relaxed = try Self.relaxation(part)
            let priced = full.price(part, duals: relaxed.duals)
            #expect(priced.leftOut.isEmpty)
            #expect(abs(priced.bound - relaxed.objective) <= 1e-6 * max(1, abs(relaxed.objective)))
        }
    }
}
