import Foundation
import GridModel
import GridRules
import Testing

@testable import TimeBank

/// One writer process of ``LedgerConcurrencyTests``: submits the requests of a JSON file to the ledger in order and
/// prints, per request, `applied`, `duplicate`, `conflict` or `failed` with its id.
@Suite("Ledger concurrency writer")
struct LedgerConcurrencyWriter {
    static var requests: String? { ProcessInfo.processInfo.environment["WANGGE_LEDGER_WRITER_REQUESTS"] }

    @Test("Submits its share of the exchanges", .enabled(if: requests != nil))
    func write() throws {
        let environment = ProcessInfo.processInfo.environment
        let list = try JSONDecoder().decode(
            [ExchangeRequest].self, from: Data(contentsOf: URL(fileURLWithPath: Self.requests ?? "")))
        let ledger = Ledger(
            store: try LedgerLocation.open(environment["WANGGE_LEDGER_WRITER_DB"] ?? "", create: false),
            rules: try RuleSet.builtIn().timeBank)
        var lines = ""
        for request in list {
            do {
                let outcome = try ledger.submit(request)
                lines += "\(outcome.duplicate ? "duplicate" : "applied") \(request.id)\n"
            } catch {
                if case .conflict = error { lines += "conflict \(request.id)\n" } else { lines += "failed \(request.id) \(error)\n" }
            }
        }
        FileHandle.standardOutput.write(Data(lines.utf8))
    }
}

/// Several processes write to one ledger at once: exchanges over the seed's 47 accounts, 10 % exact duplicates and
/// 2 % ids reused with another body, spread over the writers. Then: every invariant holds, the exchanges applied
/// are the distinct ids, and the conflicts are the reuses. `WANGGE_LEDGER_CONCURRENT=N` sets the number of
/// exchanges (5,000 in CI; the soak uses 100,000).
@Suite("Ledger concurrency")
struct LedgerConcurrencyTests {
    static var total: Int { ProcessInfo.processInfo.environment["WANGGE_LEDGER_CONCURRENT"].flatMap { Int($0) } ?? 5000 }
    static let writers = 4

    @Test(
        "Four writer processes, duplicates and reused ids: invariants hold, applied = distinct ids, conflicts = reuses",
        arguments: LedgerBackend.underTest)
    func fourWriters(backend: LedgerBackend) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-concurrent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = backend.newLocation(in: folder)
        defer { backend.discard(path) }
        let rules = try RuleSet.builtIn().timeBank
        let ledger = Ledger(store: try LedgerLocation.open(path, create: true), rules: rules)
        try ledger.initialise()
        for index in 0..<47 {
            try ledger.open(LedgerAccount(id: LedgerAccountID(String(format: "M%02d", index)), kind: .person, birthYear: 1950))
        }
        // Earnings only, spread thinly enough over the calendar (about 650 minutes a member a month, against the
        // monthly cap of 2,400) that every distinct request is accepted whatever the order.
        let days = max(360, Self.total / 30)
        var random = SplitMix64(seed: 7)
        var originals: [ExchangeRequest] = []
        var stream: [ExchangeRequest] = []
        var reuses = 0
        let first = CalendarDate(parsing: "2026-01-01")!
        while stream.count < Self.total {
            let roll = random.below(100)
            if roll < 10, let earlier = originals.randomElement(using: &random) {
                stream.append(earlier)
            } else if roll < 12, var earlier = originals.randomElement(using: &random) {
                earlier.amount += 15
                stream.append(earlier)
                reuses += 1
            } else {
                let request = ExchangeRequest(
                    id: "x\(originals.count)", kind: .earn,
                    to: LedgerAccountID(String(format: "M%02d", random.below(47))), amount: 15 * (1 + random.below(4)),
                    service: "fetch_medicine", date: first.adding(days: random.below(days)), operatorName: "office",
                    pending: random.below(4) == 0)
                originals.append(request)
                stream.append(request)
            }
        }
        // An id's retries and reuses go to the writer that sends it first, after it: which body a ledger keeps is
        // then the first one sent, so that the conflicts are exactly the reuses; the writers still race each other.
        var processes: [(Process, Pipe)] = []
        for writer in 0..<Self.writers {
            let share = stream.filter { (Int($0.id.dropFirst()) ?? 0) % Self.writers == writer }
            let file = folder.appendingPathComponent("writer\(writer).json")
            try JSONEncoder().encode(share).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["--testing-library", "swift-testing", "--filter", "LedgerConcurrencyWriter"]
            var environment = ProcessInfo.processInfo.environment
            environment["WANGGE_LEDGER_WRITER_REQUESTS"] = file.path
            environment["WANGGE_LEDGER_WRITER_DB"] = path
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append((process, pipe))
        }
        var counts: [String: Int] = [:]
        var applied: [String] = []
        var failed: [String] = []
        for (process, pipe) in processes {
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2, ["applied", "duplicate", "conflict", "failed"].contains(parts[0]) else { continue }
                counts[parts[0], default: 0] += 1
                if parts[0] == "applied" { applied.append(parts[1]) }
                if parts[0] == "failed" { failed.append(parts[1]) }
            }
        }
        #expect(failed.count == 0, "\(failed.prefix(3))")
        #expect(counts.values.reduce(0, +) == Self.total)
        #expect(applied.count == originals.count)
        #expect(Set(applied).symmetricDifference(originals.map(\.id)).count == 0)
        #expect(counts["conflict", default: 0] == reuses)
        let snapshot = try LedgerLocation.open(path, create: false).snapshot()
        #expect(snapshot.exchanges.count == originals.count)
        let report = LedgerVerifier(rules: rules).verify(snapshot)
        #expect(report.isValid, "\(report.problems.prefix(3))")
        print(
            "ledger concurrency (\(backend)): \(Self.writers) processes, \(Self.total) submissions, \(originals.count) distinct, "
                + "\(counts["duplicate", default: 0]) duplicates, \(counts["conflict", default: 0]) conflicts (\(reuses) reuses)")
    }
}
