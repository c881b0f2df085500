import Foundation
import GridModel
import Testing

@testable import TimeBank

/// Sustained exchanges per second on each backend (SQLite with synchronous=FULL: one fsync per commit; PostgreSQL on
/// the test server), then a statement's worth of reading: run only when `WANGGE_LEDGER_BENCHMARK` is set to the
/// number of exchanges; a measurement, not a test of a figure.
@Suite("Ledger throughput")
struct LedgerThroughputTests {
    static var count: Int? { ProcessInfo.processInfo.environment["WANGGE_LEDGER_BENCHMARK"].flatMap { Int($0) } }

    @Test(
        "Exchanges per second, then a verification of the whole ledger", .enabled(if: count != nil),
        arguments: LedgerBackend.underTest)
    func throughput(backend: LedgerBackend) throws {
        let fixture = try LedgerFixture(backend: backend)
        defer { fixture.remove() }
        let ledger = fixture.ledger
        for index in 0..<47 {
            try ledger.open(LedgerAccount(id: LedgerAccountID(String(format: "M%02d", index)), kind: .person, birthYear: 1950))
        }
        let count = Self.count ?? 1000
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<count {
            let day = CalendarDate(parsing: "2026-01-01")!.adding(days: index / 40)
            _ = try ledger.submit(
                ExchangeRequest(
                    id: "e\(index)", kind: .earn, to: LedgerAccountID(String(format: "M%02d", index % 47)), amount: 30,
                    service: "fetch_medicine", date: day, operatorName: "bench"))
        }
        let elapsed = clock.now - start
        let verifyStart = clock.now
        let report = LedgerVerifier(rules: ledger.rules).verify(try fixture.store.snapshot())
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "ledger throughput (\(backend)): \(count) earns in \(elapsed) (\(Int(Double(count) / seconds)) per second, "
                + "synchronous=FULL); verify of \(report.entries) entries in \(clock.now - verifyStart)")
        #expect(report.isValid)
    }

    @Test(
        "Statements on a ledger of 10,000 accounts: one passbook, then every account's", .enabled(if: count != nil),
        arguments: LedgerBackend.underTest)
    func statements(backend: LedgerBackend) throws {
        let fixture = try LedgerFixture(backend: backend)
        defer { fixture.remove() }
        let ledger = fixture.ledger
        let accounts = (0..<10_000).map {
            LedgerAccount(id: LedgerAccountID(String(format: "A%05d", $0)), kind: .person, birthYear: 1940 + $0 % 60)
        }
        let clock = ContinuousClock()
        let start = clock.now
        _ = try ledger.submit(batch: [], accounts: accounts)
        // Five earnings per account, a thousand exchanges per transaction.
        let first = CalendarDate(parsing: "2026-01-01")!
        var requests: [ExchangeRequest] = []
        for round in 0..<5 {
            for account in accounts {
                requests.append(
                    ExchangeRequest(
                        id: "e\(round)-\(account.id)", kind: .earn, to: account.id, amount: 30, service: "fetch_medicine",
                        date: first.adding(days: round * 30), operatorName: "bench"))
                if requests.count == 1000 {
                    _ = try ledger.submit(batch: requests)
                    requests = []
                }
            }
        }
        let filled = clock.now - start
        let one = clock.now
        let passbook = try fixture.store.accountSnapshot("A05000")
        let oneTime = clock.now - one
        #expect(passbook.entries.count == 5)
        let all = clock.now
        var entries = 0
        for account in accounts { entries += try fixture.store.accountSnapshot(account.id).entries.count }
        let allTime = clock.now - all
        #expect(entries == 50_000)
        print(
            "ledger statements (\(backend)): 10,000 accounts and 50,000 exchanges written in \(filled); one passbook "
                + "in \(oneTime); all 10,000 passbooks in \(allTime)")
    }
}
