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

    @Test("A write-ahead log cut short at any point opens at a committed prefix, verified, or is refused clearly")
    func truncatedWAL() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = try RuleSet.builtIn().timeBank
        let script = LedgerCrashWorkload.script(exchanges: Self.exchanges).map(\.id)
        // Killed right after its last commit, the workload leaves every exchange in the WAL, none checkpointed.
        let source = folder.appendingPathComponent("source.sqlite").path
        let probe = try child(database: folder.appendingPathComponent("probe.sqlite").path, killAt: nil)
        let total = try #require(probe.points)
        let run = try child(database: source, killAt: total)
        #expect(run.killed && run.acks.count == script.count - 1)
        let wal = try Data(contentsOf: URL(fileURLWithPath: source + "-wal"))
        try #require(wal.count > 32, "no WAL left behind")
        // The header (32 bytes), then frames of 24 + page size bytes: cut inside the header, at every frame
        // boundary and in the middle of every frame.
        let pageSize = Int(wal[8]) << 24 | Int(wal[9]) << 16 | Int(wal[10]) << 8 | Int(wal[11])
        let frame = 24 + pageSize
        var cuts = [0, 7, 31, 32]
        var offset = 32
        while offset < wal.count {
            cuts += [offset + 10, offset + frame / 2, offset + frame - 1, offset + frame]
            offset += frame
        }
        var opened = 0
        var refused = 0
        var longest = 0
        var failures: [String] = []
        for cut in Set(cuts.filter { $0 <= wal.count }).sorted() {
            let copy = folder.appendingPathComponent("cut\(cut).sqlite").path
            try FileManager.default.copyItem(atPath: source, toPath: copy)
            try wal.prefix(cut).write(to: URL(fileURLWithPath: copy + "-wal"))
            do {
                let snapshot = try SQLiteLedgerStore(path: copy).snapshot()
                let present = snapshot.exchanges.map(\.request.id)
                if present != Array(script.prefix(present.count)) { failures.append("cut \(cut): not a prefix") }
                let report = LedgerVerifier(rules: rules).verify(snapshot)
                if !report.isValid { failures.append("cut \(cut): \(report.problems.prefix(2))") }
                if present.count < longest { failures.append("cut \(cut): fewer exchanges than a shorter cut") }
                longest = max(longest, present.count)
                opened += 1
            } catch {
                guard case .unavailable = error else {
                    failures.append("cut \(cut): \(error)")
                    continue
                }
                refused += 1
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(longest == script.count, "the whole log holds every committed exchange")
        print("ledger WAL: \(wal.count)-byte log cut at \(Set(cuts).count) points: \(opened) opened at a committed prefix, \(refused) refused")
    }
}
