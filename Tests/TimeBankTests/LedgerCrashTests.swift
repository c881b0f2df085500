import Foundation
import GridModel
import GridRules
import Testing

@testable import TimeBank

#if canImport(Glibc)
    import Glibc
#endif

/// The scripted workload a child process runs for ``LedgerCrashTests``: accounts opened, then exchanges one by one,
/// each acknowledged on stdout (unbuffered) once `submit` returned. With `WANGGE_LEDGER_CRASH_AT=k` the process
/// sends itself SIGKILL at its k-th write point (a statement or a commit), which nothing can catch.
@Suite("Ledger crash workload")
struct LedgerCrashWorkload {
    static let environment = ProcessInfo.processInfo.environment
    static var database: String? { environment["WANGGE_LEDGER_CRASH_DB"] }

    /// The script: earnings (some pending), confirmations, redemptions, a transfer and a donation.
    static func script(exchanges: Int) -> [ExchangeRequest] {
        let day = CalendarDate(parsing: "2026-11-02")!
        var list: [ExchangeRequest] = []
        for index in 0..<exchanges {
            let date = day.adding(days: index / 5)
            switch index % 5 {
            case 0, 1:
                list.append(
                    ExchangeRequest(
                        id: "e\(index)", kind: .earn, to: index % 2 == 0 ? "A" : "B", amount: 60, service: "fetch_medicine",
                        date: date, operatorName: "w", pending: index % 5 == 1))
            case 2:
                list.append(ExchangeRequest(id: "c\(index)", kind: .confirm, date: date, operatorName: "w", target: "e\(index - 1)"))
            case 3:
                list.append(ExchangeRequest(id: "r\(index)", kind: .redeem, from: "A", amount: 15, service: "fetch_medicine", date: date, operatorName: "w"))
            default:
                list.append(
                    ExchangeRequest(id: "d\(index)", kind: .donate, from: "B", to: "donation_pool", amount: 15, date: date, operatorName: "w"))
            }
        }
        return list
    }

    @Test("Runs the scripted workload", .enabled(if: database != nil))
    func workload() throws {
        let killAt = Self.environment["WANGGE_LEDGER_CRASH_AT"].flatMap { Int($0) }
        let exchanges = Self.environment["WANGGE_LEDGER_CRASH_EXCHANGES"].flatMap { Int($0) } ?? 20
        let counter = PointCounter()
        let location = Self.database ?? ""
        let crash: @Sendable (LedgerWritePoint) -> Void = { _ in
            if counter.next() == killAt { kill(getpid(), SIGKILL) }
        }
        let store: any LedgerStore =
            PostgresLedgerAddress.isURL(location)
            ? try PostgresLedgerStore(url: location, create: true, writePoint: crash)
            : try SQLiteLedgerStore(path: location, create: true, writePoint: crash)
        let ledger = Ledger(store: store, rules: try RuleSet.builtIn().timeBank)
        try ledger.initialise()
        try ledger.open(LedgerAccount(id: "A", kind: .person, birthYear: 1950))
        try ledger.open(LedgerAccount(id: "B", kind: .person, birthYear: 1955))
        for request in Self.script(exchanges: exchanges) {
            _ = try ledger.submit(request)
            FileHandle.standardOutput.write(Data("ack \(request.id)\n".utf8))
        }
        FileHandle.standardOutput.write(Data("points \(counter.value)\n".utf8))
    }

    final class PointCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count
        }
        var value: Int {
            lock.lock()
            defer { lock.unlock() }
            return count
        }
    }
}

/// Crash safety: the workload killed with SIGKILL after each of its write points in turn. After each kill the
/// ledger reopens, verifies, holds every acknowledged exchange whole, and holds only a prefix of the script.
/// `WANGGE_LEDGER_CRASH_EXCHANGES` sets the script's length (20 in CI, 200 in the soak).
@Suite("Ledger crash safety")
struct LedgerCrashTests {
    static var exchanges: Int {
        ProcessInfo.processInfo.environment["WANGGE_LEDGER_CRASH_EXCHANGES"].flatMap { Int($0) } ?? 20
    }

    /// Runs the workload in a child process: its acknowledgements and whether a signal ended it.
    func child(database: String, killAt: Int?) throws -> (acks: [String], points: Int?, killed: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--testing-library", "swift-testing", "--filter", "LedgerCrashWorkload"]
        var environment = ProcessInfo.processInfo.environment
        environment["WANGGE_LEDGER_CRASH_DB"] = database
        environment["WANGGE_LEDGER_CRASH_EXCHANGES"] = String(Self.exchanges)
        environment["WANGGE_LEDGER_CRASH_AT"] = killAt.map(String.init)
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        let acks = lines.filter { $0.hasPrefix("ack ") }.map { String($0.dropFirst(4)) }
        let points = lines.first { $0.hasPrefix("points ") }.flatMap { Int($0.dropFirst(7)) }
        return (acks, points, process.terminationReason == .uncaughtSignal)
    }

    @Test(
        "Killed after every write point, the ledger reopens whole, verified, with every acknowledged exchange",
        arguments: LedgerBackend.underTest)
    func everyWritePoint(backend: LedgerBackend) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = try RuleSet.builtIn().timeBank
        let script = LedgerCrashWorkload.script(exchanges: Self.exchanges).map(\.id)
        // A run to the end: the write points to kill at, and each exchange's legs.
        let whole = backend.newLocation(in: folder, name: "whole")
        defer { backend.discard(whole) }
        let full = try child(database: whole, killAt: nil)
        let total = try #require(full.points, "the workload did not finish: is the test binary runnable as a child?")
        #expect(full.acks == script)
        let reference = Dictionary(
            uniqueKeysWithValues: try LedgerLocation.open(whole, create: false).snapshot().exchanges.map { ($0.request.id, $0.legs) })
        var failures: [String] = []
        for point in 1...total {
            let path = backend.newLocation(in: folder, name: "k\(point)")
            defer { backend.discard(path) }
            let run = try child(database: path, killAt: point)
            guard run.killed else {
                failures.append("point \(point): the child was not killed")
                continue
            }
            let store: any LedgerStore
            do {
                store = try LedgerLocation.open(path, create: false)
            } catch {
                failures.append("point \(point): the ledger does not reopen: \(error)")
                continue
            }
            let snapshot = try store.snapshot()
            let present = snapshot.exchanges.map(\.request.id)
            if present != Array(script.prefix(present.count)) { failures.append("point \(point): not a prefix: \(present)") }
            if !Set(run.acks).isSubset(of: Set(present)) { failures.append("point \(point): an acknowledged exchange is lost") }
            if present.count > run.acks.count + 1 { failures.append("point \(point): more than one unacknowledged exchange") }
            for exchange in snapshot.exchanges where exchange.legs != reference[exchange.request.id] {
                failures.append("point \(point): \(exchange.request.id) is not whole")
            }
            let report = LedgerVerifier(rules: rules).verify(snapshot)
            if !report.isValid { failures.append("point \(point): \(report.problems.prefix(3))") }
            if backend == .sqlite { try? FileManager.default.removeItem(atPath: path) }
        }
        #expect(failures.count == 0, "\(failures.prefix(5))")
        print("ledger crash (\(backend)): \(Self.exchanges) exchanges, killed after each of \(total) write points; every reopen verified")
    }
}
