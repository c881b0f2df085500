import Foundation
import Testing

/// `wangge bank …` as a community office uses it: a ledger created, accounts opened, a passbook batch imported
/// twice, a bad batch refused whole, conflicts and a missing ledger exiting 2, the passbook printed owner-only.
@Suite("wangge bank")
struct BankCommandTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-bank-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("A batch imports once, whole; a bad batch changes nothing and names its line")
    func importBatches() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("bank.sqlite").path
        #expect(try WanggeBinary.run(["bank", "init", "--db", db]).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        for (account, year) in [("P0001", "1950"), ("P0002", "1988")] {
            let opened = try WanggeBinary.run(["bank", "open", "--db", db, "--account", account, "--kind", "person", "--birth-year", year])
            #expect(opened.status == 0, "\(opened.stderr)")
        }
        let batch = dir.appendingPathComponent("passbook.csv")
        try """
            exchange_id,kind,from_account,to_account,minutes,service,date,operator,note
            pb-1,earn,,P0002,120,fetch_medicine,2026/11/02,社区录入,paper passbook
            pb-2,earn,,P0001,60,fetch_medicine,2026-11-03,社区录入,
            pb-3,redeem,P0001,,30,fetch_medicine,2026-11-04,社区录入,
            pb-4,donate,P0002,donation_pool,15,,2026-11-05,社区录入,

            """.write(to: batch, atomically: true, encoding: .utf8)
        let first = try WanggeBinary.run(["bank", "import", batch.path, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("4 applied, 0 applied before"))
        let again = try WanggeBinary.run(["bank", "import", batch.path, "--db", db])
        #expect(again.stdout.contains("0 applied, 4 applied before"))
        let bad = dir.appendingPathComponent("bad.csv")
        try """
            exchange_id,kind,from_account,to_account,minutes,service,date,operator
            pb-5,earn,,P0002,30,fetch_medicine,2026-11-06,社区录入
            pb-6,redeem,P0002,,30,fetch_medicine,2026-11-06,社区录入

            """.write(to: bad, atomically: true, encoding: .utf8)
        let refused = try WanggeBinary.run(["bank", "import", bad.path, "--db", db])
        #expect(refused.status == 2)
        // P0002 is 38: too young to redeem; line 3 is named and pb-5 is not applied either.
        #expect(refused.stderr.contains("line 3"), "\(refused.stderr)")
        #expect(refused.stderr.contains("timebank.eligibility"))
        let verified = try WanggeBinary.run(["bank", "verify", "--db", db])
        #expect(verified.status == 0)
        #expect(verified.stdout.contains("4 exchanges"), "\(verified.stdout)")
        let statement = dir.appendingPathComponent("P0001.html")
        let printed = try WanggeBinary.run(["bank", "statement", "--db", db, "--account", "P0001", "--out", statement.path])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("balance: 30") || printed.stdout.contains("余额 balance: 30"), "\(printed.stdout)")
        let htmlMode = try FileManager.default.attributesOfItem(atPath: statement.path)[.posixPermissions] as? Int
        #expect(htmlMode == 0o600)
    }

    @Test("A reused id with other details, a refused redemption and a missing ledger exit 2 and write nothing")
    func refusals() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("bank.sqlite").path
        let missing = try WanggeBinary.run(["bank", "verify", "--db", db])
        #expect(missing.status == 2)
        #expect(!FileManager.default.fileExists(atPath: db))
        _ = try WanggeBinary.run(["bank", "init", "--db", db])
        _ = try WanggeBinary.run(["bank", "open", "--db", db, "--account", "P1", "--kind", "person", "--birth-year", "1940"])
        let earn = ["bank", "earn", "--db", db, "--id", "e1", "--to", "P1", "--service", "fetch_medicine", "--date", "2026-11-23", "--operator", "w"]
        #expect(try WanggeBinary.run(earn + ["--minutes", "60"]).status == 0)
        let retry = try WanggeBinary.run(earn + ["--minutes", "60"])
        #expect(retry.status == 0)
        #expect(retry.stdout.contains("applied before"))
        let conflict = try WanggeBinary.run(earn + ["--minutes", "61"])
        #expect(conflict.status == 2)
        let overdraft = try WanggeBinary.run(
            ["bank", "redeem", "--db", db, "--id", "r1", "--from", "P1", "--minutes", "90", "--service", "fetch_medicine", "--date", "2026-11-24", "--operator", "w"])
        #expect(overdraft.status == 2)
        #expect(overdraft.stderr.contains("30 below its floor"), "\(overdraft.stderr)")
        let verified = try WanggeBinary.run(["bank", "verify", "--db", db])
        #expect(verified.stdout.contains("1 exchanges"), "\(verified.stdout)")
    }
}
