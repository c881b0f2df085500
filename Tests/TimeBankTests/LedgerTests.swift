import Foundation
import GridModel
import GridRules
import Testing

@testable import TimeBank

@Suite("Ledger")
struct LedgerTests {
    static let day = LedgerFixture.day("2026-11-23")

    static func earn(_ id: String, to: String, minutes: Int, pending: Bool = false, date: CalendarDate = day)
        -> ExchangeRequest
    {
        ExchangeRequest(
            id: id, kind: .earn, to: LedgerAccountID(to), amount: minutes, service: "fetch_medicine", date: date,
            operatorName: "grid-worker-1", pending: pending)
    }

    static func openMembers(_ ledger: Ledger) throws {
        try ledger.open(LedgerAccount(id: "P-young", kind: .person, birthYear: 1990))
        try ledger.open(LedgerAccount(id: "P-old", kind: .person, birthYear: 1950))
        try ledger.open(LedgerAccount(id: "G-club", kind: .group))
    }

    @Test("A pending earning is spendable only once confirmed; a void restores both sides",
        arguments: LedgerBackend.underTest)
    func pendingConfirmVoid(backend: LedgerBackend) throws {
        let fixture = try LedgerFixture(backend: backend)
        defer { fixture.remove() }
        let ledger = fixture.ledger
        try Self.openMembers(ledger)
        _ = try ledger.submit(Self.earn("e1", to: "P-old", minutes: 60, pending: true))
        let early = ExchangeRequest(id: "r1", kind: .redeem, from: "P-old", amount: 30, service: "fetch_medicine", date: Self.day, operatorName: "w")
        #expect(throws: TimeBankError.self) { try ledger.submit(early) }
        _ = try ledger.submit(ExchangeRequest(id: "c1", kind: .confirm, date: Self.day, operatorName: "w", target: "e1"))
        let redeemed = try ledger.submit(early)
        #expect(redeemed.legs.first?.amount == -30)
        _ = try ledger.submit(Self.earn("e2", to: "P-old", minutes: 45, pending: true))
        _ = try ledger.submit(ExchangeRequest(id: "v2", kind: .void, date: Self.day, operatorName: "w", target: "e2"))
        // A second settlement of the same earning is refused.
        #expect(throws: TimeBankError.self) {
            try ledger.submit(ExchangeRequest(id: "c2", kind: .confirm, date: Self.day, operatorName: "w", target: "e2"))
        }
        let snapshot = try fixture.store.snapshot()
        let posted = snapshot.balances[BalanceKey(account: "P-old", currency: .time, bucket: .posted)]
        let pending = snapshot.balances[BalanceKey(account: "P-old", currency: .time, bucket: .pending)]
        #expect(posted == 30)
        #expect(pending == 0)
        #expect(LedgerVerifier(rules: ledger.rules).verify(snapshot).problems == [])
    }

    @Test("The same id and body is applied once; the same id with another body is a conflict",
        arguments: LedgerBackend.underTest)
    func idempotency(backend: LedgerBackend) throws {
        let fixture = try LedgerFixture(backend: backend)
        defer { fixture.remove() }
        try Self.openMembers(fixture.ledger)
        let first = try fixture.ledger.submit(Self.earn("e1", to: "P-young", minutes: 60))
        let again = try fixture.ledger.submit(Self.earn("e1", to: "P-young", minutes: 60))
        #expect(!first.duplicate)
        #expect(again.duplicate)
        #expect(again.legs == first.legs && again.sequence == first.sequence)
        #expect {
            try fixture.ledger.submit(Self.earn("e1", to: "P-young", minutes: 61))
        } throws: { error in
            if case .conflict = error as? TimeBankError { return true }
            return false
        }
        #expect(try fixture.store.snapshot().exchanges.count == 1)
    }

    @Test("Minutes above the storage cap go to the cap's pool; the floor and the group rule refuse, naming the rule",
        arguments: LedgerBackend.underTest)
    func capsAndFloors(backend: LedgerBackend) throws {
        var rules = try RuleSet.builtIn().timeBank
        rules.capMinutes.value = 100
        let fixture = try LedgerFixture(rules: rules, backend: backend)
        defer { fixture.remove() }
        let ledger = fixture.ledger
        try Self.openMembers(ledger)
        let outcome = try ledger.submit(Self.earn("e1", to: "P-old", minutes: 150))
        #expect(outcome.legs.contains(LedgerLeg(account: "P-old", currency: .time, bucket: .posted, amount: 100)))
        #expect(outcome.legs.contains(LedgerLeg(account: "donation_pool", currency: .time, bucket: .posted, amount: 50)))
        #expect(outcome.notes.contains { $0.contains("timebank.accounts") })
        let tooMuch = ExchangeRequest(id: "r1", kind: .redeem, from: "P-old", amount: 101, service: "fetch_medicine", date: Self.day, operatorName: "w")
        #expect {
            try ledger.submit(tooMuch)
        } throws: { error in
            guard case .ruleRefused(_, let rule, let detail) = error as? TimeBankError else { return false }
            return rule == "timebank.accounts" && detail.contains("-1")
        }
        _ = try ledger.submit(Self.earn("e2", to: "G-club", minutes: 30))
        #expect(throws: TimeBankError.self) {
            try ledger.submit(ExchangeRequest(id: "r2", kind: .redeem, from: "G-club", amount: 10, date: Self.day, operatorName: "w"))
        }
        // The young member may not redeem (60 or older by default).
        _ = try ledger.submit(Self.earn("e3", to: "P-young", minutes: 30))
        #expect(throws: TimeBankError.self) {
            try ledger.submit(ExchangeRequest(id: "r3", kind: .redeem, from: "P-young", amount: 10, date: Self.day, operatorName: "w"))
        }
        #expect(LedgerVerifier(rules: rules).verify(try fixture.store.snapshot()).problems == [])
    }

    @Test("A transfer needs a relation of the rules, a proof and an approver; a reversal is never reversed",
        arguments: LedgerBackend.underTest)
    func transfersAndReversals(backend: LedgerBackend) throws {
        let fixture = try LedgerFixture(backend: backend)
        defer { fixture.remove() }
        let ledger = fixture.ledger
        try Self.openMembers(ledger)
        _ = try ledger.submit(Self.earn("e1", to: "P-young", minutes: 120))
        var transfer = ExchangeRequest(
            id: "t1", kind: .transfer, from: "P-young", to: "P-old", amount: 60, date: Self.day, operatorName: "w",
            relation: "friend", proof: "HR-1", approvedBy: "community-office")
        #expect(throws: TimeBankError.self) { try ledger.submit(transfer) }
        transfer.relation = "parent"
        transfer.approvedBy = nil
        #expect(throws: TimeBankError.self) { try ledger.submit(transfer) }
        transfer.approvedBy = "community-office"
        _ = try ledger.submit(transfer)
        let reversal = try ledger.submit(ExchangeRequest(id: "x1", kind: .reverse, date: Self.day, operatorName: "w", target: "t1"))
        #expect(Set(reversal.legs.map(\.amount)) == [60, -60])
        #expect(throws: TimeBankError.self) {
            try ledger.submit(ExchangeRequest(id: "x2", kind: .reverse, date: Self.day, operatorName: "w", target: "x1"))
        }
        #expect(throws: TimeBankError.self) {
            try ledger.submit(ExchangeRequest(id: "x3", kind: .reverse, date: Self.day, operatorName: "w", target: "t1"))
        }
        #expect(LedgerVerifier(rules: ledger.rules).verify(try fixture.store.snapshot()).problems == [])
    }

    @Test("Pending earnings confirm themselves after the rule's days, counted to the as-of date, once",
        arguments: LedgerBackend.underTest)
    func autoConfirm(backend: LedgerBackend) throws {
        let fixture = try LedgerFixture(backend: backend)
        defer { fixture.remove() }
        let ledger = fixture.ledger
        try Self.openMembers(ledger)
        _ = try ledger.submit(Self.earn("e1", to: "P-old", minutes: 60, pending: true, date: LedgerFixture.day("2026-11-01")))
        _ = try ledger.submit(Self.earn("e2", to: "P-old", minutes: 30, pending: true, date: LedgerFixture.day("2026-11-20")))
        let days = ledger.rules.autoConfirmAfterDays.value
        let asOf = LedgerFixture.day("2026-11-01").adding(days: days)
        #expect(try ledger.settle(asOf: asOf.adding(days: -1), operatorName: "auto").isEmpty)
        let settled = try ledger.settle(asOf: asOf, operatorName: "auto")
        #expect(settled.map(\.id) == ["auto-confirm-e1"])
        #expect(try ledger.settle(asOf: asOf, operatorName: "auto").isEmpty)
    }

    @Test("Entries cannot be updated or deleted; a changed byte is caught by verification",
        arguments: LedgerBackend.underTest)
    func appendOnlyAndTamper(backend: LedgerBackend) throws {
        let fixture = try LedgerFixture(backend: backend)
        defer { fixture.remove() }
        let ledger = fixture.ledger
        try Self.openMembers(ledger)
        _ = try ledger.submit(Self.earn("e1", to: "P-old", minutes: 60))
        _ = try ledger.submit(Self.earn("e2", to: "P-young", minutes: 45))
        #expect(throws: (any Error).self) { try fixture.executeUnchecked("UPDATE entries SET amount = 61 WHERE sequence = 2") }
        #expect(throws: (any Error).self) { try fixture.executeUnchecked("DELETE FROM entries WHERE sequence = 2") }
        #expect(throws: (any Error).self) { try fixture.executeUnchecked("DELETE FROM exchanges") }
        #expect(LedgerVerifier(rules: ledger.rules).verify(try fixture.store.snapshot()).isValid)
        // A cached balance changed alone breaks the sum to zero, which every open checks.
        try ledger.checkOnOpen()
        try fixture.executeUnchecked("UPDATE balances SET amount = amount + 1 WHERE account_id = 'P-young' AND bucket = 'posted'")
        #expect {
            try ledger.checkOnOpen()
        } throws: { error in
            guard case .integrity(let reason) = error as? TimeBankError else { return false }
            return reason.contains("time/posted balances sum to 1")
        }
        try fixture.executeUnchecked("UPDATE balances SET amount = amount - 1 WHERE account_id = 'P-young' AND bucket = 'posted'")
        try ledger.checkOnOpen()
        // An attacker with the file drops the trigger and changes one digit of one amount, balances included.
        try fixture.dropUpdateTrigger(on: "entries")
        try fixture.executeUnchecked("UPDATE entries SET amount = 64 WHERE sequence = 2")
        try fixture.executeUnchecked("UPDATE balances SET amount = 64 WHERE account_id = 'P-old' AND bucket = 'posted'")
        try fixture.executeUnchecked("UPDATE balances SET amount = -64 WHERE account_id = 'issuance' AND bucket = 'posted' AND amount = -60")
        let report = LedgerVerifier(rules: ledger.rules).verify(try fixture.store.snapshot())
        #expect(report.problems.contains { $0.contains("entry 2: its hash does not match") })
        // A changed exchange body is caught too.
        try fixture.dropUpdateTrigger(on: "exchanges")
        try fixture.executeUnchecked("UPDATE exchanges SET body = replace(body, '45', '46') WHERE id = 'e2'")
        let second = LedgerVerifier(rules: ledger.rules).verify(try fixture.store.snapshot())
        #expect(second.problems.contains { $0.contains("exchange e2: its body does not match") })
        // e2 holds the last entry: its changed body no longer gives the last entry's hash, which every open checks.
        #expect(throws: TimeBankError.self) { try ledger.checkOnOpen() }
    }

    @Test("A missing ledger file and a symbolic link are refused; a new file is owner-only")
    func refusals() throws {
        let fixture = try LedgerFixture()
        defer { fixture.remove() }
        let missing = fixture.folder.appendingPathComponent("none.sqlite").path
        #expect(throws: TimeBankError.self) { try SQLiteLedgerStore(path: missing) }
        let link = fixture.folder.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fixture.path)
        #expect(throws: TimeBankError.self) { try SQLiteLedgerStore(path: link) }
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("Bad request fields are refused before anything is written", arguments: LedgerBackend.underTest)
    func badFields(backend: LedgerBackend) throws {
        let fixture = try LedgerFixture(backend: backend)
        defer { fixture.remove() }
        try Self.openMembers(fixture.ledger)
        for bad in [
            Self.earn("", to: "P-old", minutes: 10), Self.earn("e\u{1F}x", to: "P-old", minutes: 10),
            Self.earn("e0", to: "P-old", minutes: 0), Self.earn("e-big", to: "P-old", minutes: Ledger.largestAmount + 1),
            Self.earn("e-nobody", to: "P-nobody", minutes: 10),
            ExchangeRequest(id: "e-service", kind: .earn, to: "P-old", amount: 10, service: "no_such", date: Self.day, operatorName: "w"),
        ] {
            #expect(throws: TimeBankError.self) { try fixture.ledger.submit(bad) }
        }
        #expect(try fixture.store.snapshot().exchanges.isEmpty)
    }

    @Test("Points come from an item of points.yaml up to its monthly cap, and are exchanged only in an exchange month",
        arguments: LedgerBackend.underTest)
    func partyMemberPoints(backend: LedgerBackend) throws {
        let fixture = try LedgerFixture(backend: backend)
        defer { fixture.remove() }
        let ledger = fixture.ledger
        try Self.openMembers(ledger)
        let points = ledger.rules.points
        let wish = try #require(points.item("micro_wish"))
        func award(_ id: String, _ item: String, _ amount: Int, on date: String) -> ExchangeRequest {
            ExchangeRequest(
                id: id, kind: .earn, currency: .points, to: "P-young", amount: amount, service: item,
                date: LedgerFixture.day(date), operatorName: "branch-secretary")
        }
        _ = try ledger.submit(award("p1", wish.id, wish.maxPointsPerMonth, on: "2026-05-03"))
        #expect {
            try ledger.submit(award("p2", wish.id, wish.points, on: "2026-05-20"))
        } throws: { error in
            guard case .ruleRefused(_, let rule, let detail) = error as? TimeBankError else { return false }
            return rule == points.items.ruleID && detail.contains("\(wish.points)")
        }
        // Another item, and the same item next month, still earn.
        _ = try ledger.submit(award("p3", "organisational_life", 2, on: "2026-05-20"))
        _ = try ledger.submit(award("p4", wish.id, wish.points, on: "2026-06-01"))
        #expect(throws: TimeBankError.self) { try ledger.submit(award("p5", "service_minutes", 1, on: "2026-06-01")) }
        let exchange = ExchangeRequest(
            id: "x1", kind: .redeem, currency: .points, from: "P-young", amount: 5, date: LedgerFixture.day("2026-05-31"),
            operatorName: "branch-secretary")
        #expect {
            try ledger.submit(exchange)
        } throws: { error in
            guard case .ruleRefused(_, let rule, _) = error as? TimeBankError else { return false }
            return rule == points.exchangeEveryMonths.ruleID
        }
        var inJune = exchange
        inJune.id = "x2"
        inJune.date = LedgerFixture.day("2026-06-30")
        _ = try ledger.submit(inJune)
        let snapshot = try fixture.store.snapshot()
        #expect(snapshot.balances[BalanceKey(account: "P-young", currency: .points, bucket: .posted)]
            == wish.maxPointsPerMonth + 2 + wish.points - 5)
        // Minutes never moved.
        #expect(snapshot.balances[BalanceKey(account: "P-young", currency: .time, bucket: .posted)] == nil)
        #expect(LedgerVerifier(rules: ledger.rules).verify(snapshot).problems == [])
    }
}
