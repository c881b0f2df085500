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

    /// The ledgers to run against: a SQLite file always, a schema on the test server when `WANGGE_TEST_POSTGRES`
    /// names one (the time-bank suite reports the skip otherwise).
    static var ledgers: [String] {
        let server = ProcessInfo.processInfo.environment["WANGGE_TEST_POSTGRES"] ?? ""
        return server.isEmpty ? ["sqlite"] : ["sqlite", "postgres"]
    }

    static func database(_ kind: String, in dir: URL) -> String {
        guard kind == "postgres", let server = ProcessInfo.processInfo.environment["WANGGE_TEST_POSTGRES"] else {
            return dir.appendingPathComponent("bank.sqlite").path
        }
        let schema = "e2e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        return server + (server.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    @Test("A batch imports once, whole; a bad batch changes nothing and names its line", arguments: ledgers)
    func importBatches(ledgerKind: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = Self.database(ledgerKind, in: dir)
        let initialised = try WanggeBinary.run(["bank", "init", "--db", db])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        if let password = URLComponents(string: db)?.password {
            #expect(!initialised.stdout.contains(password) && !initialised.stderr.contains(password))
        } else {
            let mode = try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
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

    @Test(
        "Export, then import into an empty ledger: the same chain head, the same export byte for byte; a foreign hash refused",
        arguments: ledgers)
    func exportRoundTrip(target: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("source.sqlite").path
        func bank(_ arguments: [String], on ledger: String) throws -> WanggeBinary.Outcome {
            let result = try WanggeBinary.run(["bank"] + arguments + ["--db", ledger])
            #expect(result.status == 0, "\(arguments.first ?? ""): \(result.stderr)")
            return result
        }
        _ = try bank(["init"], on: db)
        for (account, kind, year) in [("P1", "person", "1948"), ("P2", "person", "1990"), ("G1", "group", "")] {
            _ = try bank(["open", "--account", account, "--kind", kind] + (year.isEmpty ? [] : ["--birth-year", year]), on: db)
        }
        let day = ["--date", "2026-11-23", "--operator", "=网格员王"]
        _ = try bank(["earn", "--id", "e1", "--to", "P2", "--minutes", "120", "--service", "fetch_medicine", "--pending"] + day, on: db)
        _ = try bank(["confirm", "--id", "c1", "--target", "e1"] + day, on: db)
        _ = try bank(["earn", "--id", "e2", "--to", "P1", "--minutes", "90", "--service", "fetch_medicine", "--pending", "--note", "=1+1, \"quoted\""] + day, on: db)
        _ = try bank(["void", "--id", "v2", "--target", "e2"] + day, on: db)
        _ = try bank(["earn", "--id", "e3", "--to", "P1", "--minutes", "60", "--service", "fetch_medicine"] + day, on: db)
        _ = try bank(["redeem", "--id", "r1", "--from", "P1", "--minutes", "30", "--service", "fetch_medicine"] + day, on: db)
        _ = try bank(["transfer", "--id", "t1", "--from", "P2", "--to", "P1", "--minutes", "30", "--relation", "parent", "--proof", "HR-1", "--approved-by", "office"] + day, on: db)
        _ = try bank(["earn", "--id", "e4", "--to", "G1", "--minutes", "45", "--service", "fetch_medicine"] + day, on: db)
        _ = try bank(["donate", "--id", "d1", "--from", "G1", "--to", "donation_pool", "--minutes", "45"] + day, on: db)
        _ = try bank(["reverse", "--id", "x1", "--target", "r1"] + day, on: db)
        let export = dir.appendingPathComponent("export.csv")
        let accounts = dir.appendingPathComponent("accounts.csv")
        let exported = try bank(["export", "--out", export.path, "--accounts", accounts.path], on: db)
        for file in [export, accounts] {
            #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
        }
        let text = try String(contentsOf: export, encoding: .utf8)
        #expect(text.contains("'=网格员王"), "a formula-like cell is neutralised")
        let head = try #require(exported.stdout.components(separatedBy: " ").last?.trimmingCharacters(in: CharacterSet(charactersIn: ")\n")))

        let restored = Self.database(target, in: dir.appendingPathComponent("restored"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("restored"), withIntermediateDirectories: true)
        _ = try bank(["init"], on: restored)
        let imported = try bank(["import", export.path, "--accounts", accounts.path], on: restored)
        #expect(imported.stdout.contains("10 applied, 0 applied before") || imported.stdout.contains("新记账 10 笔"), "\(imported.stdout)")
        let verified = try bank(["verify"], on: restored)
        #expect(verified.stdout.contains(head), "\(verified.stdout) lacks \(head)")
        let again = dir.appendingPathComponent("again.csv")
        _ = try bank(["export", "--out", again.path], on: restored)
        #expect(try Data(contentsOf: again) == Data(contentsOf: export))
        let twice = try bank(["import", export.path], on: restored)
        #expect(twice.stdout.contains("0 applied, 10 applied before") || twice.stdout.contains("此前已记 10 笔"), "\(twice.stdout)")

        // Into a ledger holding something else first, the file's entry hashes cannot hold: refused whole.
        let other = dir.appendingPathComponent("other.sqlite").path
        _ = try bank(["init"], on: other)
        _ = try bank(["open", "--account", "P9", "--kind", "person", "--birth-year", "1950"], on: other)
        _ = try bank(["earn", "--id", "z1", "--to", "P9", "--minutes", "15", "--service", "fetch_medicine"] + day, on: other)
        let foreign = try WanggeBinary.run(["bank", "import", export.path, "--accounts", accounts.path, "--db", other])
        #expect(foreign.status == 2)
        #expect(foreign.stderr.contains("entry_hash"), "\(foreign.stderr)")
        #expect(try bank(["verify"], on: other).stdout.contains("1 exchanges"))
    }

    @Test("Party-member points: items of points.yaml, the monthly cap, and the report's month, quarter stars and year")
    func points() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("bank.sqlite").path
        #expect(try WanggeBinary.run(["bank", "init", "--db", db]).status == 0)
        #expect(try WanggeBinary.run(["bank", "open", "--db", db, "--account", "D01", "--kind", "person", "--birth-year", "1985"]).status == 0)
        func award(_ id: String, _ item: String, _ quantity: Int, _ date: String) throws -> WanggeBinary.Outcome {
            try WanggeBinary.run([
                "bank", "points", "--db", db, "--id", id, "--to", "D01", "--item", item, "--quantity", String(quantity),
                "--date", date, "--operator", "支部书记",
            ])
        }
        for (id, item, quantity, date) in [
            ("a1", "double_report_activity", 3, "2026-04-12"), ("a2", "micro_wish", 2, "2026-05-04"),
            ("a3", "organisational_life", 2, "2026-05-28"), ("a4", "service_hour", 12, "2026-06-15"),
        ] {
            let result = try award(id, item, quantity, date)
            #expect(result.status == 0, "\(id): \(result.stderr)")
        }
        let capped = try award("a5", "double_report_activity", 1, "2026-04-30")
        #expect(capped.status == 2)
        #expect(capped.stderr.contains("points.items"), "\(capped.stderr)")
        let unknown = try award("a6", "no_such_item", 1, "2026-06-01")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("micro_wish"), "\(unknown.stderr)")
        let table = dir.appendingPathComponent("points.csv")
        let report = try WanggeBinary.run(["bank", "points-report", "--db", db, "--as-of", "2026/06/30", "--out", table.path])
        #expect(report.status == 0, "\(report.stderr)")
        // June 12; April–June 6 + 6 + 4 + 12 = 28, four stars (24 ≤ 28 < 30); the year 28 of 60: not passed yet.
        #expect(report.stdout.contains("D01\t2026-06\t12\t2026-04\t28\t4\t28\t60\tno\t28"), "\(report.stdout)")
        #expect(try FileManager.default.attributesOfItem(atPath: table.path)[.posixPermissions] as? Int == 0o600)
    }
}
