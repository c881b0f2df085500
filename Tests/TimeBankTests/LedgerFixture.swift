import Foundation
import GridModel
import GridRules
import Testing

@testable import TimeBank

/// The ledger backends the suites run against: SQLite always, PostgreSQL when `WANGGE_TEST_POSTGRES` names a server
/// (`.ci/test` starts one). Without it the PostgreSQL cases are left out and ``PostgresBackendTests`` reports the skip.
enum LedgerBackend: String, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static var serverURL: String? {
        ProcessInfo.processInfo.environment["WANGGE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }
    static var underTest: [LedgerBackend] { serverURL == nil ? [.sqlite] : [.sqlite, .postgres] }
    static let skipNotice: Comment = """
        NOT TESTED: the PostgreSQL ledger backend. No server: set WANGGE_TEST_POSTGRES=postgres://USER:PASSWORD@127.0.0.1/DATABASE \
        (.ci/test installs and starts one).
        """

    var testDescription: String { rawValue }

    /// A new, empty ledger location: a file in `folder`, or a schema of its own on the test server.
    func newLocation(in folder: URL, name: String = "bank") -> String {
        switch self {
        case .sqlite:
            return folder.appendingPathComponent("\(name).sqlite").path
        case .postgres:
            let url = Self.serverURL ?? ""
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
            return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
        }
    }

    /// Removes what `newLocation` made on the server (a file goes with its folder).
    func discard(_ location: String) {
        guard self == .postgres, let schema = location.components(separatedBy: "schema=").last,
            let store = try? PostgresLedgerStore(url: location)
        else { return }
        try? store.executeUnchecked("DROP SCHEMA IF EXISTS \(schema) CASCADE")
    }
}

/// A fresh ledger on one backend, in a temporary folder (and schema), removed by `remove()`.
struct LedgerFixture {
    let backend: LedgerBackend
    let folder: URL
    /// The SQLite path or the PostgreSQL URL.
    let location: String
    let ledger: Ledger
    let store: any LedgerStore

    init(rules: TimeBankRules? = nil, backend: LedgerBackend = .sqlite) throws {
        self.backend = backend
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        location = backend.newLocation(in: folder)
        store = try LedgerLocation.open(location, create: true)
        ledger = Ledger(store: store, rules: try rules ?? RuleSet.builtIn().timeBank)
        try ledger.initialise()
    }

    /// The SQLite file (SQLite only).
    var path: String { location }

    func remove() {
        backend.discard(location)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Raw SQL past the ledger's rules, as an attacker with database access would send it.
    func executeUnchecked(_ sql: String) throws {
        switch store {
        case let sqlite as SQLiteLedgerStore: try sqlite.executeUnchecked(sql)
        case let postgres as PostgresLedgerStore: try postgres.executeUnchecked(sql)
        default: Issue.record("unknown store")
        }
    }

    /// Drops the trigger that refuses UPDATE on `table` (each backend names it its own way).
    func dropUpdateTrigger(on table: String) throws {
        switch backend {
        case .sqlite: try executeUnchecked("DROP TRIGGER \(table)_append_only_update")
        case .postgres: try executeUnchecked("DROP TRIGGER \(table)_append_only ON \(table)")
        }
    }

    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text) ?? CalendarDate(parsing: "2026-01-01")! }
}
