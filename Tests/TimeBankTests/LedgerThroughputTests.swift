import Foundation
import GridModel
import Testing

@testable import TimeBank

/// Sustained exchanges per second on the SQLite ledger (synchronous=FULL: one fsync per commit), run only when
/// `WANGGE_LEDGER_BENCHMARK` is set to the number of exchanges; a measurement, not a test of a figure.
@Suite("Ledger throughput")
struct LedgerThroughputTests {
    static var count: Int? { ProcessInfo.processInfo.environment["WANGGE_LEDGER_BENCHMARK"].flatMap { Int($0) } }

    @Test("Exchanges per second, then a verification of the whole ledger", .enabled(if: count != nil))
    func throughput() throws {
        let fixture = try LedgerFixture()
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
            "ledger throughput: \(count) earns in \(elapsed) (\(Int(Double(count) / seconds)) per second, "
                + "synchronous=FULL); verify of \(report.entries) entries in \(clock.now - verifyStart)")
        #expect(report.isValid)
    }
}
