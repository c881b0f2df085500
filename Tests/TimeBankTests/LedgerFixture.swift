import Foundation
import GridModel
import GridRules
import TimeBank

/// A fresh SQLite ledger in a temporary folder, removed with the fixture's folder by the caller.
struct LedgerFixture {
    let folder: URL
    let path: String
    let ledger: Ledger
    let store: SQLiteLedgerStore

    init(rules: TimeBankRules? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("bank.sqlite").path
        store = try SQLiteLedgerStore(path: path, create: true)
        ledger = Ledger(store: store, rules: try rules ?? RuleSet.builtIn().timeBank)
        try ledger.initialise()
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text) ?? CalendarDate(parsing: "2026-01-01")! }
}
