import Foundation
import GridModel
import GridRules
import Testing

@testable import TimeBank

/// What only the PostgreSQL backend has: its address, connecting, and a schema's migrations. The shared suites
/// (ledger, model, crash, concurrency) run on it too, through ``LedgerBackend``.
@Suite("PostgreSQL backend")
struct PostgresBackendTests {
    @Test("Addresses: the URL's parts, PGPASSWORD, schema and sslmode; bad ones refused without showing the password")
    func addresses() throws {
        let full = try PostgresLedgerAddress(
            parsing: "postgres://office:s3cret@db.example.cn:6543/bank?schema=street_01&sslmode=require", environment: [:])
        #expect(full.host == "db.example.cn" && full.port == 6543 && full.user == "office")
        #expect(full.password == "s3cret" && full.database == "bank" && full.schema == "street_01" && full.requireTLS)
        #expect(!full.description.contains("s3cret"))
        let local = try PostgresLedgerAddress(
            parsing: "postgresql://office@127.0.0.1/bank", environment: ["PGPASSWORD": "from-env"])
        #expect(local.port == 5432 && local.password == "from-env" && !local.requireTLS && local.schema == nil)
        #expect(LedgerLocation.display("postgres://office:s3cret@h/bank").contains("***"))
        #expect(LedgerLocation.display("/var/bank.sqlite") == "/var/bank.sqlite")
        for bad in [
            "postgres://:pw@host/db", "postgres://user:s3cret@/db", "postgres://user:s3cret@host", "postgres://user@host/a/b",
            "postgres://user:s3cret@host/db?schema=Street", "postgres://user@host/db?schema=1st",
            "postgres://user@host/db?schema=a;drop", "postgres://user:s3cret@host/db?sslmode=verify-full",
            "postgres://user@host:70000/db", "postgres://user@host/db?search_path=x",
        ] {
            #expect {
                try PostgresLedgerAddress(parsing: bad, environment: [:])
            } throws: { error in
                guard case .unavailable(let location, let reason) = error as? TimeBankError else { return false }
                return !location.contains("s3cret") && reason.contains("expected postgres://")
            }
        }
    }

    @Test("A server is there to test against", .enabled(if: LedgerBackend.serverURL != nil, LedgerBackend.skipNotice))
    func serverPresent() throws {
        #expect(LedgerBackend.underTest.contains(.postgres))
    }

    @Test(
        "A schema without a ledger, a wrong password and a closed port are refused, naming the server, not the password",
        .enabled(if: LedgerBackend.serverURL != nil, LedgerBackend.skipNotice))
    func refusals() throws {
        let url = LedgerBackend.serverURL ?? ""
        let folder = FileManager.default.temporaryDirectory
        let empty = LedgerBackend.postgres.newLocation(in: folder)
        #expect {
            try PostgresLedgerStore(url: empty)
        } throws: { error in
            guard case .unavailable(_, let reason) = error as? TimeBankError else { return false }
            return reason.contains("no ledger here")
        }
        var wrong = try #require(URLComponents(string: url))
        wrong.password = "not-the-password"
        #expect {
            try PostgresLedgerStore(url: wrong.string ?? "")
        } throws: { error in
            guard case .unavailable(let location, let reason) = error as? TimeBankError else { return false }
            return reason.contains("cannot connect") && !location.contains("not-the-password")
        }
        var closed = try #require(URLComponents(string: url))
        closed.port = 1
        #expect(throws: TimeBankError.self) { try PostgresLedgerStore(url: closed.string ?? "") }
    }

    @Test(
        "Two offices opening a new ledger at once migrate it once; a ledger from a newer version is refused",
        .enabled(if: LedgerBackend.serverURL != nil, LedgerBackend.skipNotice))
    func migrations() throws {
        let location = LedgerBackend.postgres.newLocation(in: FileManager.default.temporaryDirectory)
        defer { LedgerBackend.postgres.discard(location) }
        let opened = OpenResults()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                _ = try PostgresLedgerStore(url: location, create: true)
                opened.add(nil)
            } catch {
                opened.add("\(error)")
            }
        }
        #expect(opened.failures == [])
        let store = try PostgresLedgerStore(url: location)
        try store.executeUnchecked("INSERT INTO ledger_migrations (identifier) VALUES ('v9-from-the-future')")
        #expect {
            try PostgresLedgerStore(url: location)
        } throws: { error in
            guard case .unavailable(_, let reason) = error as? TimeBankError else { return false }
            return reason.contains("newer version")
        }
    }

    final class OpenResults: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var failures: [String] = []
        func add(_ failure: String?) {
            lock.lock()
            defer { lock.unlock() }
            if let failure { failures.append(failure) }
        }
    }
}
