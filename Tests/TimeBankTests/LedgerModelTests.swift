import Foundation
import GridModel
import GridRules
import Testing

@testable import TimeBank

/// The ledger against ``ReferenceBank`` on seeded random operation mixes: both must accept and refuse the same
/// requests, move the same amounts, and the ledger must verify after every step (the touched accounts against the
/// model) and in full at the end. A failing seed is printed; `WANGGE_LEDGER_SEEDS=from-to` and
/// `WANGGE_LEDGER_OPERATIONS=n` replay or widen the run (the soak uses 200 seeds × 2,000).
@Suite("Ledger against a reference model")
struct LedgerModelTests {
    static var seeds: ClosedRange<UInt64> {
        let text = ProcessInfo.processInfo.environment["WANGGE_LEDGER_SEEDS"] ?? "1-50"
        let parts = text.split(separator: "-").compactMap { UInt64($0) }
        return parts.count == 2 && parts[0] <= parts[1] ? parts[0]...parts[1] : 1...50
    }
    static var operations: Int { Int(ProcessInfo.processInfo.environment["WANGGE_LEDGER_OPERATIONS"] ?? "") ?? 500 }

    @Test(
        "Seeded operation mixes agree with the reference model, and every invariant holds after every step",
        arguments: LedgerBackend.underTest)
    func seededMixes(backend: LedgerBackend) throws {
        var rules = try RuleSet.builtIn().timeBank
        // Small limits, so that caps, floors and overflows are reached within a few hundred operations.
        rules.capMinutes.value = 600
        rules.earnMinutesPerMonth.value = 480
        rules.redeemMinutesPerMonth.value = 300
        rules.transferMaxMinutesPerYear.value = 240
        // Points exchanged every other month, so that a run of a few months reaches exchange months and others.
        rules.points.exchangeEveryMonths.value = 2
        var tally = Tally()
        for seed in Self.seeds {
            let failure = try run(seed: seed, operations: Self.operations, rules: rules, backend: backend, tally: &tally)
            #expect(failure == nil, "seed \(seed): \(failure ?? "")")
            if failure != nil { break }
        }
        // The mix reaches every kind both ways, and the cap's overflow, or the test proves little.
        for kind in ExchangeRequest.Kind.allCases {
            #expect(tally.accepted[kind, default: 0] > 0, "no \(kind) accepted")
            #expect(tally.refused[kind, default: 0] > 0, "no \(kind) refused")
        }
        #expect(tally.overflows > 0)
        for kind in [ExchangeRequest.Kind.earn, .redeem] {
            #expect(tally.pointsAccepted[kind, default: 0] > 0 && tally.pointsRefused[kind, default: 0] > 0, "points \(kind)")
        }
        print("ledger model (\(backend)): accepted \(tally.accepted.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key) \($0.value)" }), "
            + "refused \(tally.refused.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key) \($0.value)" }), "
            + "\(tally.overflows) overflows, points earn \(tally.pointsAccepted[.earn, default: 0])/\(tally.pointsRefused[.earn, default: 0]) "
            + "redeem \(tally.pointsAccepted[.redeem, default: 0])/\(tally.pointsRefused[.redeem, default: 0]) (accepted/refused), \(tally.retries) retries, \(tally.conflicts) conflicts")
    }

    /// One seeded run; the first disagreement, or nil.
    struct Tally {
        var accepted: [ExchangeRequest.Kind: Int] = [:]
        var refused: [ExchangeRequest.Kind: Int] = [:]
        var overflows = 0
        /// Points exchanges by kind, accepted and refused (items, monthly caps, the exchange months).
        var pointsAccepted: [ExchangeRequest.Kind: Int] = [:]
        var pointsRefused: [ExchangeRequest.Kind: Int] = [:]
        var retries = 0
        var conflicts = 0
    }

    func run(seed: UInt64, operations: Int, rules: TimeBankRules, backend: LedgerBackend, tally: inout Tally) throws
        -> String?
    {
        let fixture = try LedgerFixture(rules: rules, backend: backend)
        defer { fixture.remove() }
        let ledger = fixture.ledger
        var random = SplitMix64(seed: seed)
        let services = rules.services.map(\.id.rawValue)
        let pointsItems = rules.points.items.value.map(\.id)
        var model = ReferenceBank(
            numbers: .init(
                earnAge: 18, redeemAge: 60, recipientAge: 60, cap: rules.capMinutes.value,
                earnPerMonth: rules.earnMinutesPerMonth.value, redeemPerMonth: rules.redeemMinutesPerMonth.value,
                transferPerYear: rules.transferMaxMinutesPerYear.value,
                relations: Set(rules.transferRelations.value), pool: rules.capPool.value, services: Set(services),
                pointsItems: Dictionary(uniqueKeysWithValues: rules.points.items.value.map { ($0.id, $0.maxPointsPerMonth) }),
                exchangeEvery: rules.points.exchangeEveryMonths.value),
            pools: rules.pools.value)
        // The seed's population: 47 accounts, old and young members, two groups, one organisation.
        var members: [String] = []
        for index in 0..<47 {
            let id = String(format: "M%02d", index)
            let kind: LedgerAccount.Kind = index < 2 ? .group : index == 2 ? .organisation : .person
            let birth = kind == .person ? 1930 + random.below(80) : nil
            try ledger.open(LedgerAccount(id: LedgerAccountID(id), kind: kind, birthYear: birth))
            model.kinds[id] = kind.rawValue
            if let birth { model.births[id] = birth }
            members.append(id)
        }
        let targets = members + ["donation_pool", "seed_fund", "issuance"]
        var sent: [ExchangeRequest] = []
        var pointsHolders: [LedgerAccountID] = []
        var day = CalendarDate(parsing: "2026-01-05")!
        for step in 0..<operations {
            if random.below(10) == 0 { day = day.adding(days: 1 + random.below(6)) }
            let id = "x\(step)"
            let roll = random.below(100)
            let currency: LedgerCurrency = random.below(10) == 0 ? .points : .time
            var request = ExchangeRequest(id: id, kind: .earn, currency: currency, date: day, operatorName: "op\(random.below(3))")
            switch roll {
            case 0..<35:
                request.to = LedgerAccountID(targets[random.below(targets.count)])
                if currency == .points {
                    // An item of points.yaml (now and then none), a few points at a time against its monthly cap.
                    request.amount = 1 + random.below(8)
                    request.service = random.below(40) == 0 ? "no_such_item" : pointsItems[random.below(pointsItems.count)]
                } else {
                    request.amount = 15 * (1 + random.below(16))
                    request.service = random.below(40) == 0 ? "no_such_service" : services[random.below(services.count)]
                }
                request.pending = random.below(2) == 0
            case 35..<55:
                request.kind = .redeem
                request.from = LedgerAccountID(targets[random.below(targets.count)])
                // Points are exchanged mostly by members who earned some (few members hold points at all).
                if currency == .points, random.below(4) != 0, !pointsHolders.isEmpty {
                    request.from = pointsHolders[random.below(pointsHolders.count)]
                }
                request.amount = currency == .points ? 1 + random.below(10) : 15 * (1 + random.below(8))
            case 55..<63:
                request.kind = .transfer
                request.from = LedgerAccountID(members[random.below(members.count)])
                request.to = LedgerAccountID(members[random.below(members.count)])
                request.amount = 15 * (1 + random.below(8))
                request.relation = ["spouse", "parent", "child", "friend"][random.below(4)]
                request.proof = "HR-\(random.below(100))"
                request.approvedBy = "community-office"
            case 63..<68:
                request.kind = .donate
                request.from = LedgerAccountID(members[random.below(members.count)])
                request.to = LedgerAccountID(targets[random.below(targets.count)])
                request.amount = 15 * (1 + random.below(4))
            case 68..<83:
                request.kind = random.below(3) == 0 ? .void : .confirm
                request.target = sent.isEmpty ? "none" : sent[random.below(sent.count)].id
                request.currency = sent.first { $0.id == request.target }?.currency ?? currency
            case 83..<88:
                request.kind = .reverse
                request.target = sent.isEmpty ? "none" : sent[random.below(sent.count)].id
                request.currency = sent.first { $0.id == request.target }?.currency ?? currency
            case 88..<95:
                // An exact retry of an earlier request: the first outcome comes back, nothing is written.
                // (The final verification counts every entry against the exchanges and the model's balances.)
                guard let earlier = sent.randomElement(using: &random) else { continue }
                let first = try fixture.store.transaction { (transaction) throws(TimeBankError) in
                    try transaction.exchange(earlier.id)
                }
                let outcome = try ledger.submit(earlier)
                guard outcome.duplicate, let first, outcome.sequence == first.sequence, outcome.legs == first.legs else {
                    return "step \(step): a retry of \(earlier.id) was applied again"
                }
                tally.retries += 1
                continue
            default:
                // The same id with another body: a conflict, nothing written.
                guard var earlier = sent.randomElement(using: &random) else { continue }
                earlier.note = "changed \(step)"
                do {
                    _ = try ledger.submit(earlier)
                    return "step \(step): reusing \(earlier.id) with another body was accepted"
                } catch {
                    guard case .conflict = error else { return "step \(step): reuse gave \(error), not a conflict" }
                }
                tally.conflicts += 1
                continue
            }
            let expected = model.expected(
                id: id, kind: request.kind.rawValue, currency: request.currency.rawValue, from: request.from?.rawValue,
                to: request.to?.rawValue, amount: request.amount, service: request.service, date: request.date,
                pending: request.pending, target: request.target, relation: request.relation)
            let outcome: ExchangeOutcome?
            do {
                outcome = try ledger.submit(request)
            } catch {
                outcome = nil
                if expected != nil { return "step \(step): \(request.canonicalBody) refused (\(error)); the model accepts \(expected ?? [:])" }
            }
            guard let outcome else {
                tally.refused[request.kind, default: 0] += 1
                if request.currency == .points { tally.pointsRefused[request.kind, default: 0] += 1 }
                continue
            }
            tally.accepted[request.kind, default: 0] += 1
            if request.currency == .points { tally.pointsAccepted[request.kind, default: 0] += 1 }
            if request.currency == .points, request.kind == .earn, let to = request.to { pointsHolders.append(to) }
            if outcome.legs.contains(where: { $0.account.rawValue == rules.capPool.value && $0.amount > 0 && request.kind != .donate }) {
                tally.overflows += 1
            }
            guard let expected else { return "step \(step): \(request.canonicalBody) accepted; the model refuses" }
            var legs: [String: Int] = [:]
            for leg in outcome.legs {
                legs[ReferenceBank.key(leg.account.rawValue, leg.currency.rawValue, leg.bucket.rawValue), default: 0] += leg.amount
            }
            guard legs.filter({ $0.value != 0 }) == expected else {
                return "step \(step): \(request.canonicalBody): legs \(legs), the model's \(expected)"
            }
            model.apply(
                id: id, kind: request.kind.rawValue, currency: request.currency.rawValue, date: day, target: request.target,
                service: request.service, legs: expected)
            sent.append(request)
            // The touched accounts' stored balances against the model.
            try fixture.store.transaction { (transaction) throws(TimeBankError) in
                for key in expected.keys {
                    let parts = key.split(separator: "/").map(String.init)
                    let stored = try transaction.balance(
                        LedgerAccountID(parts[0]), LedgerCurrency(rawValue: parts[1]) ?? .time, LedgerBucket(rawValue: parts[2]) ?? .posted)
                    if stored != model.balances[key] ?? 0 {
                        throw .integrity(reason: "step \(step): \(key) stored \(stored), model \(model.balances[key] ?? 0)")
                    }
                }
            }
        }
        let snapshot = try fixture.store.snapshot()
        let report = LedgerVerifier(rules: rules).verify(snapshot)
        guard report.isValid else { return "at the end: \(report.problems.prefix(5))" }
        // Every stored balance, and the number of exchanges, against the model's.
        for (key, amount) in snapshot.balances where amount != model.balances[
            ReferenceBank.key(key.account.rawValue, key.currency.rawValue, key.bucket.rawValue)] ?? 0
        {
            return "at the end: \(key) stored \(amount), the model differs"
        }
        // Each member's passbook read by index equals its part of the whole ledger.
        for member in members.prefix(8) {
            let id = LedgerAccountID(member)
            let part = try fixture.store.accountSnapshot(id)
            let entries = snapshot.entries.filter { $0.leg.account == id }
            guard part.entries == entries, part.balances == snapshot.balances.filter({ $0.key.account == id }),
                part.exchanges.map(\.request.id) == snapshot.exchanges.map(\.request.id).filter(Set(entries.map(\.exchangeID)).contains),
                part.accounts.map(\.id) == [id]
            else { return "at the end: \(member)'s account snapshot differs from the ledger's" }
        }
        guard snapshot.exchanges.count == sent.count else {
            return "at the end: \(snapshot.exchanges.count) exchanges stored, \(sent.count) accepted"
        }
        return nil
    }
}
