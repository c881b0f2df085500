import Foundation
import GRDB
import GridModel

/// The embedded ledger: one SQLite file through GRDB, in WAL mode with `synchronous=FULL` (a committed exchange
/// survives a power cut, not only a crash), foreign keys, CHECK constraints, a UNIQUE exchange id and triggers that
/// refuse any UPDATE or DELETE of exchanges and entries.
///
/// Several processes may write at once: each transaction is IMMEDIATE and waits up to ``busySeconds`` for the lock.
public final class SQLiteLedgerStore: LedgerStore {
    private let queue: DatabaseQueue
    /// The file, for messages.
    public let path: String
    /// How long a writer waits for another process's transaction.
    public static let busySeconds: TimeInterval = 30
    /// Called after every statement that writes and after every commit, for the crash tests, which kill the
    /// process at each such point in turn; nil in normal use.
    let writePoint: (@Sendable (LedgerWritePoint) -> Void)?

    /// Opens the ledger at `path`, creating it (owner-only) when `create` is true; migrates its schema to the
    /// newest version.
    public init(
        path: String, create: Bool = false, writePoint: (@Sendable (LedgerWritePoint) -> Void)? = nil
    ) throws(TimeBankError) {
        self.path = path
        self.writePoint = writePoint
        let manager = FileManager.default
        if (try? manager.destinationOfSymbolicLink(atPath: path)) != nil {
            throw .unavailable(location: path, reason: "is a symbolic link; the ledger is never opened through one")
        }
        if !manager.fileExists(atPath: path) {
            guard create else {
                throw .unavailable(location: path, reason: "no ledger here; create it with `wangge bank init --db \(path)`")
            }
            // The ledger holds personal data: owner-only from its first byte (SQLite gives -wal and -shm the same mode).
            guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw .unavailable(location: path, reason: "cannot be created (does its folder exist and allow writing?)")
            }
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(Self.busySeconds)
        configuration.prepareDatabase { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try LedgerSchema.migrator.migrate(queue)
        } catch {
            throw .unavailable(location: path, reason: "not a ledger this version can open: \(error)")
        }
    }

    /// Times a transaction that could not even begin (SQLITE_BUSY at `BEGIN IMMEDIATE`) is tried again. In WAL mode
    /// SQLite may answer BUSY without waiting (another connection recovering the WAL index); nothing was written.
    static let busyRetries = 5

    public func transaction<T>(_ body: (any LedgerTransaction) throws(TimeBankError) -> T) throws(TimeBankError) -> T {
        var attempt = 0
        while true {
            do {
                let result = try queue.write { db in
                    do throws(TimeBankError) {
                        return try body(SQLiteLedgerTransaction(db: db, writePoint: writePoint))
                    } catch {
                        throw TransactionAbort(error: error)
                    }
                }
                writePoint?(.commit)
                return result
            } catch let abort as TransactionAbort {
                throw abort.error
            } catch let database as DatabaseError
                where database.resultCode == .SQLITE_BUSY && (database.sql ?? "").hasPrefix("BEGIN")
                && attempt < Self.busyRetries
            {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            } catch {
                throw .storage(reason: "\(error)")
            }
        }
    }

    public func snapshot() throws(TimeBankError) -> LedgerSnapshot {
        do {
            return try queue.read { db in try SQLiteLedgerTransaction(db: db).readAll() }
        } catch let abort as TransactionAbort {
            throw abort.error
        } catch {
            throw .storage(reason: "\(error)")
        }
    }

    public func accountSnapshot(_ account: LedgerAccountID) throws(TimeBankError) -> LedgerSnapshot {
        do {
            return try queue.read { db in try SQLiteLedgerTransaction(db: db).readAccount(account) }
        } catch let abort as TransactionAbort {
            throw abort.error
        } catch {
            throw .storage(reason: "\(error)")
        }
    }

    /// Runs raw SQL outside the ledger's rules: for tests that play an attacker (dropping a trigger, flipping a
    /// stored byte) and check that verification notices.
    func executeUnchecked(_ sql: String) throws {
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}

/// Carries a ledger error through GRDB's untyped closure, so that the transaction rolls back and the caller gets it.
private struct TransactionAbort: Error {
    var error: TimeBankError
}

/// One transaction on the SQLite ledger.
struct SQLiteLedgerTransaction: LedgerTransaction {
    let db: Database
    var writePoint: (@Sendable (LedgerWritePoint) -> Void)? = nil

    /// Runs one writing statement and reports the write point.
    private func write(_ sql: String, _ arguments: StatementArguments) throws {
        try db.execute(sql: sql, arguments: arguments)
        writePoint?(.statement)
    }

    private func run<T>(_ work: () throws -> T) throws(TimeBankError) -> T {
        do {
            return try work()
        } catch let abort as TransactionAbort {
            throw abort.error
        } catch {
            throw .storage(reason: "\(error)")
        }
    }

    func account(_ id: LedgerAccountID) throws(TimeBankError) -> LedgerAccount? {
        try run {
            try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE id = ?", arguments: [id.rawValue])
                .map(Self.account(from:))
        }
    }

    func insert(_ account: LedgerAccount) throws(TimeBankError) {
        try run {
            try write(
                "INSERT INTO accounts (id, kind, person_id, birth_year) VALUES (?, ?, ?, ?)",
                [account.id.rawValue, account.kind.rawValue, account.personID?.rawValue, account.birthYear])
        }
    }

    func balance(_ account: LedgerAccountID, _ currency: LedgerCurrency, _ bucket: LedgerBucket)
        throws(TimeBankError) -> Int
    {
        try run {
            try Int.fetchOne(
                db, sql: "SELECT amount FROM balances WHERE account_id = ? AND currency = ? AND bucket = ?",
                arguments: [account.rawValue, currency.rawValue, bucket.rawValue]) ?? 0
        }
    }

    func exchange(_ id: String) throws(TimeBankError) -> StoredExchange? {
        try run {
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM exchanges WHERE id = ?", arguments: [id]) else {
                return nil
            }
            return try stored(row)
        }
    }

    func followUps(of target: String, kinds: Set<ExchangeRequest.Kind>) throws(TimeBankError) -> [StoredExchange] {
        try run {
            try Row.fetchAll(db, sql: "SELECT * FROM exchanges WHERE target = ? ORDER BY sequence", arguments: [target])
                .filter { kinds.contains(ExchangeRequest.Kind(rawValue: $0["kind"]) ?? .earn) }
                .map(stored)
        }
    }

    func movedAmount(
        _ account: LedgerAccountID, _ currency: LedgerCurrency, kind: ExchangeRequest.Kind, from: CalendarDate,
        through: CalendarDate, service: String?
    ) throws(TimeBankError) -> Int {
        try run {
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(e.amount), 0) FROM entries e JOIN exchanges x ON x.id = e.exchange_id
                    WHERE e.account_id = ? AND e.currency = ? AND x.kind = ? AND x.date >= ? AND x.date <= ?
                      AND (? IS NULL OR json_extract(x.body, '$.service') = ?)
                      AND NOT EXISTS (
                        SELECT 1 FROM exchanges f WHERE f.target = x.id AND f.kind IN ('void', 'reverse'))
                    """,
                arguments: [
                    account.rawValue, currency.rawValue, kind.rawValue, from.description, through.description, service,
                    service,
                ]
            ) ?? 0
        }
    }

    func pendingEarnings(through date: CalendarDate) throws(TimeBankError) -> [StoredExchange] {
        try run {
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM exchanges x
                    WHERE x.kind = 'earn' AND x.date <= ?
                      AND EXISTS (SELECT 1 FROM entries e WHERE e.exchange_id = x.id AND e.bucket = 'pending')
                      AND NOT EXISTS (
                        SELECT 1 FROM exchanges f WHERE f.target = x.id AND f.kind IN ('confirm', 'void'))
                    ORDER BY x.sequence
                    """,
                arguments: [date.description]
            ).map(stored)
        }
    }

    func chainHead() throws(TimeBankError) -> String {
        try run {
            try String.fetchOne(db, sql: "SELECT hash FROM entries ORDER BY sequence DESC LIMIT 1") ?? LedgerHash.genesis
        }
    }

    func lastEntry() throws(TimeBankError) -> LedgerEntry? {
        try run {
            try Row.fetchOne(db, sql: "SELECT * FROM entries ORDER BY sequence DESC LIMIT 1").map(Self.entry(from:))
        }
    }

    func balanceTotals() throws(TimeBankError) -> [BalanceTotal: Int] {
        try run {
            var totals: [BalanceTotal: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT currency, bucket, SUM(amount) AS total FROM balances GROUP BY currency, bucket")
            {
                guard let currency = LedgerCurrency(rawValue: row["currency"]),
                    let bucket = LedgerBucket(rawValue: row["bucket"])
                else { throw TransactionAbort(error: .integrity(reason: "a balance row of unknown currency or bucket")) }
                totals[BalanceTotal(currency: currency, bucket: bucket)] = row["total"]
            }
            return totals
        }
    }

    func append(_ request: ExchangeRequest, legs: [LedgerLeg], notes: [String], ruleset: String)
        throws(TimeBankError) -> ExchangeOutcome
    {
        try run {
            let sequence = (try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM exchanges") ?? 0) + 1
            let body = request.canonicalBody
            let bodyHash = LedgerHash.digest(body)
            let notesJSON = StoredExchange.encodedNotes(notes)
            try write(
                """
                INSERT INTO exchanges (id, sequence, kind, currency, date, target, ruleset, body, body_hash, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    request.id, sequence, request.kind.rawValue, request.currency.rawValue, request.date.description,
                    request.target, ruleset, body, bodyHash, notesJSON,
                ])
            let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM entries ORDER BY sequence DESC LIMIT 1")
            var entrySequence: Int = last?["sequence"] ?? 0
            var previous: String = last?["hash"] ?? LedgerHash.genesis
            for leg in legs {
                entrySequence += 1
                let hash = LedgerHash.entry(
                    previous: previous, sequence: entrySequence, exchangeID: request.id, bodyHash: bodyHash, leg: leg)
                try write(
                    """
                    INSERT INTO entries (sequence, exchange_id, account_id, currency, bucket, amount, previous_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        entrySequence, request.id, leg.account.rawValue, leg.currency.rawValue, leg.bucket.rawValue,
                        leg.amount, previous, hash,
                    ])
                try write(
                    """
                    INSERT INTO balances (account_id, currency, bucket, amount) VALUES (?, ?, ?, ?)
                    ON CONFLICT (account_id, currency, bucket) DO UPDATE SET amount = amount + excluded.amount
                    """,
                    [leg.account.rawValue, leg.currency.rawValue, leg.bucket.rawValue, leg.amount])
                previous = hash
            }
            return ExchangeOutcome(id: request.id, sequence: sequence, legs: legs, notes: notes, duplicate: false)
        }
    }

    func readAll() throws -> LedgerSnapshot {
        let accounts = try Row.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY id").map(Self.account(from:))
        let entries = try Row.fetchAll(db, sql: "SELECT * FROM entries ORDER BY sequence").map(Self.entry(from:))
        let legsByExchange = Dictionary(grouping: entries, by: \.exchangeID)
        let exchanges = try Row.fetchAll(db, sql: "SELECT * FROM exchanges ORDER BY sequence").map {
            try stored($0, legs: (legsByExchange[$0["id"]] ?? []).map(\.leg))
        }
        let balances = try Self.balances(try Row.fetchAll(db, sql: "SELECT * FROM balances"))
        return LedgerSnapshot(accounts: accounts, exchanges: exchanges, entries: entries, balances: balances)
    }

    func readAccount(_ account: LedgerAccountID) throws -> LedgerSnapshot {
        let id = account.rawValue
        let accounts = try Row.fetchAll(db, sql: "SELECT * FROM accounts WHERE id = ?", arguments: [id])
            .map(Self.account(from:))
        let entries = try Row.fetchAll(
            db, sql: "SELECT * FROM entries WHERE account_id = ? ORDER BY sequence", arguments: [id]
        ).map(Self.entry(from:))
        let legsByExchange = Dictionary(grouping: entries, by: \.exchangeID)
        let exchanges = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM exchanges WHERE id IN (SELECT exchange_id FROM entries WHERE account_id = ?)
                ORDER BY sequence
                """,
            arguments: [id]
        ).map { try stored($0, legs: (legsByExchange[$0["id"]] ?? []).map(\.leg)) }
        let balances = try Self.balances(
            try Row.fetchAll(db, sql: "SELECT * FROM balances WHERE account_id = ?", arguments: [id]))
        return LedgerSnapshot(accounts: accounts, exchanges: exchanges, entries: entries, balances: balances)
    }

    // MARK: - Rows

    private func stored(_ row: Row) throws -> StoredExchange {
        let id: String = row["id"]
        let legs = try Row.fetchAll(
            db, sql: "SELECT * FROM entries WHERE exchange_id = ? ORDER BY sequence", arguments: [id]
        ).map(Self.entry(from:)).map(\.leg)
        return try stored(row, legs: legs)
    }

    private func stored(_ row: Row, legs: [LedgerLeg]) throws -> StoredExchange {
        do throws(TimeBankError) {
            return try StoredExchange.decoded(
                id: row["id"], sequence: row["sequence"], body: row["body"], bodyHash: row["body_hash"],
                ruleset: row["ruleset"], notesJSON: row["notes"], legs: legs)
        } catch {
            throw TransactionAbort(error: error)
        }
    }

    private static func balances(_ rows: [Row]) throws -> [BalanceKey: Int] {
        var balances: [BalanceKey: Int] = [:]
        for row in rows {
            guard let currency = LedgerCurrency(rawValue: row["currency"]),
                let bucket = LedgerBucket(rawValue: row["bucket"])
            else { throw TransactionAbort(error: .integrity(reason: "a balance row of unknown currency or bucket")) }
            balances[BalanceKey(account: LedgerAccountID(row["account_id"]), currency: currency, bucket: bucket)] =
                row["amount"]
        }
        return balances
    }

    private static func account(from row: Row) throws -> LedgerAccount {
        let id: String = row["id"]
        guard let kind = LedgerAccount.Kind(rawValue: row["kind"]) else {
            throw TransactionAbort(error: .integrity(reason: "account \(id): unknown kind"))
        }
        let person: String? = row["person_id"]
        return LedgerAccount(
            id: LedgerAccountID(id), kind: kind, personID: person.map { PersonID($0) }, birthYear: row["birth_year"])
    }

    private static func entry(from row: Row) throws -> LedgerEntry {
        let sequence: Int = row["sequence"]
        guard let currency = LedgerCurrency(rawValue: row["currency"]),
            let bucket = LedgerBucket(rawValue: row["bucket"])
        else { throw TransactionAbort(error: .integrity(reason: "entry \(sequence): unknown currency or bucket")) }
        return LedgerEntry(
            sequence: sequence, exchangeID: row["exchange_id"],
            leg: LedgerLeg(account: LedgerAccountID(row["account_id"]), currency: currency, bucket: bucket, amount: row["amount"]),
            previousHash: row["previous_hash"], hash: row["hash"])
    }
}
