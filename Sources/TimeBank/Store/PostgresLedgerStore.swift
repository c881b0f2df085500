import Foundation
import GridModel
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// The ledger on a PostgreSQL server, for a district or city whose community offices write at once (通存通兑).
///
/// The same tables, CHECK constraints, unique indexes and append-only triggers as ``SQLiteLedgerStore`` (see
/// ``PostgresLedgerSchema``). The hash chain is one total order, so every write transaction first locks the ledger's
/// single `ledger_writer` row (`SELECT … FOR UPDATE`), as SQLite's one writer does; it then runs at READ COMMITTED,
/// so that each of its statements sees every exchange committed before the lock was granted. (A SERIALIZABLE
/// transaction would take its snapshot before waiting for the lock and fail on every contended write.)
/// Reading for `verify` and `export` is one REPEATABLE READ, READ ONLY transaction.
///
/// Queries are sent through postgres-nio and waited for on the calling thread: the ledger's API is synchronous, and a
/// transaction is a handful of round trips on one connection.
public final class PostgresLedgerStore: LedgerStore, @unchecked Sendable {
    /// The server and database, without the password, for messages.
    public let location: String
    private let group: MultiThreadedEventLoopGroup
    private let connection: PostgresConnection
    private let logger: Logger
    /// One transaction at a time on the connection (the connection is this object's own).
    private let lock = NSLock()
    let writePoint: (@Sendable (LedgerWritePoint) -> Void)?

    /// How long a writer waits for another office's transaction before giving up (SQLite's busy timeout).
    public static let lockWaitSeconds = 30

    /// Connects to `url` and migrates its schema to the newest version; a database (or `?schema=`) without a ledger
    /// is refused unless `create` is true.
    public init(url: String, create: Bool = false, writePoint: (@Sendable (LedgerWritePoint) -> Void)? = nil)
        throws(TimeBankError)
    {
        let address = try PostgresLedgerAddress(parsing: url)
        location = address.description
        self.writePoint = writePoint
        var logger = Logger(label: "wangge.timebank.postgres")
        logger.logLevel = .critical
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            var configuration = PostgresConnection.Configuration(
                host: address.host, port: address.port, username: address.user, password: address.password,
                database: address.database, tls: try address.tls())
            configuration.options.connectTimeout = .seconds(10)
            connection = try PostgresConnection.connect(
                on: group.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw .unavailable(location: location, reason: "cannot connect: \(Self.reason(error))")
        }
        // From here a failure runs deinit, which closes the connection.
        do throws(TimeBankError) {
            try prepare(schema: address.schema, create: create)
        } catch {
            switch error {
            case .unavailable: throw error
            default: throw .unavailable(location: location, reason: "not a ledger this version can open: \(error)")
            }
        }
    }

    deinit {
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    public func transaction<T>(_ body: (any LedgerTransaction) throws(TimeBankError) -> T) throws(TimeBankError) -> T {
        lock.lock()
        defer { lock.unlock() }
        try execute("BEGIN ISOLATION LEVEL READ COMMITTED")
        do throws(TimeBankError) {
            _ = try rows("SELECT id FROM ledger_writer WHERE id = 1 FOR UPDATE")
            let result = try body(PostgresLedgerTransaction(store: self))
            try commit()
            return result
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    public func snapshot() throws(TimeBankError) -> LedgerSnapshot {
        try readOnly { (transaction) throws(TimeBankError) in try transaction.readAll() }
    }

    public func accountSnapshot(_ account: LedgerAccountID) throws(TimeBankError) -> LedgerSnapshot {
        try readOnly { (transaction) throws(TimeBankError) in try transaction.readAccount(account) }
    }

    /// Runs `read` in one REPEATABLE READ, READ ONLY transaction: one consistent snapshot.
    private func readOnly<T>(_ read: (PostgresLedgerTransaction) throws(TimeBankError) -> T) throws(TimeBankError) -> T {
        lock.lock()
        defer { lock.unlock() }
        try execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do throws(TimeBankError) {
            let result = try read(PostgresLedgerTransaction(store: self))
            try commit()
            return result
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs raw SQL outside the ledger's rules: for tests that play an attacker and check that verification notices.
    func executeUnchecked(_ sql: String) throws(TimeBankError) {
        lock.lock()
        defer { lock.unlock() }
        try execute(PostgresQuery(unsafeSQL: sql))
    }

    // MARK: - Opening

    private func prepare(schema: String?, create: Bool) throws(TimeBankError) {
        try execute("SET lock_timeout = '\(unescaped: String(Self.lockWaitSeconds))s'")
        try execute("BEGIN")
        do throws(TimeBankError) {
            // Two offices opening a new ledger at once create and migrate it once.
            _ = try rows("SELECT pg_advisory_xact_lock(4711001)")
            if let schema {
                if create { try execute("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)") }
                try execute("SET search_path TO \(unescaped: schema)")
            }
            let present = try rows("SELECT to_regclass('ledger_migrations') IS NOT NULL AS present")
            if try present.first.map({ row throws(TimeBankError) in try decode(row, "present", as: Bool.self) }) != true {
                guard create else {
                    throw .unavailable(
                        location: location, reason: "no ledger here; create it with `wangge bank init --db URL`")
                }
                try execute(PostgresQuery(unsafeSQL: PostgresLedgerSchema.migrationsTable))
            }
            let applied = Set(
                try rows("SELECT identifier FROM ledger_migrations").map { row throws(TimeBankError) in
                    try decode(row, "identifier", as: String.self)
                })
            let known = Set(PostgresLedgerSchema.migrations.map(\.name))
            if let newer = applied.subtracting(known).sorted().first {
                throw .unavailable(location: location, reason: "written by a newer version (migration \(newer))")
            }
            for migration in PostgresLedgerSchema.migrations where !applied.contains(migration.name) {
                for statement in migration.statements { try execute(PostgresQuery(unsafeSQL: statement)) }
                try execute("INSERT INTO ledger_migrations (identifier) VALUES (\(migration.name))")
            }
            try commit()
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    // MARK: - Queries

    /// Commits; a transaction the server had already aborted answers COMMIT with ROLLBACK, which is an error here.
    private func commit() throws(TimeBankError) {
        let result = try send("COMMIT")
        guard result.metadata.command == "COMMIT" else {
            throw .storage(reason: "the server rolled the transaction back (\(result.metadata.command))")
        }
        writePoint?(.commit)
    }

    func execute(_ query: PostgresQuery) throws(TimeBankError) {
        _ = try send(query)
    }

    /// Runs a statement that writes, and reports the write point.
    func write(_ query: PostgresQuery) throws(TimeBankError) {
        _ = try send(query)
        writePoint?(.statement)
    }

    func rows(_ query: PostgresQuery) throws(TimeBankError) -> [PostgresRandomAccessRow] {
        try send(query).rows.map { $0.makeRandomAccess() }
    }

    private func send(_ query: PostgresQuery) throws(TimeBankError) -> PostgresQueryResult {
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            throw .storage(reason: Self.reason(error))
        }
    }

    func decode<T: PostgresDecodable>(_ row: PostgresRandomAccessRow, _ column: String, as type: T.Type)
        throws(TimeBankError) -> T
    {
        do {
            return try row[column].decode(T.self)
        } catch {
            throw .storage(reason: "column \(column): \(error)")
        }
    }

    /// The server's own words (PSQLError's description hides them), with the SQLSTATE code.
    static func reason(_ error: any Error) -> String {
        guard let failure = error as? PSQLError else { return "\(error)" }
        if let info = failure.serverInfo {
            let message = info[.message] ?? "server error"
            let state = info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return message + state
        }
        if let underlying = failure.underlying { return "\(failure.code): \(underlying)" }
        return "\(failure.code)"
    }
}

/// One transaction on the PostgreSQL ledger: the same reads and appends as ``SQLiteLedgerTransaction``.
struct PostgresLedgerTransaction: LedgerTransaction {
    let store: PostgresLedgerStore

    func account(_ id: LedgerAccountID) throws(TimeBankError) -> LedgerAccount? {
        try store.rows("SELECT * FROM accounts WHERE id = \(id.rawValue)").first.map(account(from:))
    }

    func insert(_ account: LedgerAccount) throws(TimeBankError) {
        try store.write(
            """
            INSERT INTO accounts (id, kind, person_id, birth_year)
            VALUES (\(account.id.rawValue), \(account.kind.rawValue), \(account.personID?.rawValue), \(account.birthYear))
            """)
    }

    func balance(_ account: LedgerAccountID, _ currency: LedgerCurrency, _ bucket: LedgerBucket)
        throws(TimeBankError) -> Int
    {
        let found = try store.rows(
            """
            SELECT amount FROM balances
            WHERE account_id = \(account.rawValue) AND currency = \(currency.rawValue) AND bucket = \(bucket.rawValue)
            """)
        guard let row = found.first else { return 0 }
        return try store.decode(row, "amount", as: Int.self)
    }

    func exchange(_ id: String) throws(TimeBankError) -> StoredExchange? {
        guard let row = try store.rows("SELECT * FROM exchanges WHERE id = \(id)").first else { return nil }
        return try stored(row)
    }

    func followUps(of target: String, kinds: Set<ExchangeRequest.Kind>) throws(TimeBankError) -> [StoredExchange] {
        var found: [StoredExchange] = []
        for row in try store.rows("SELECT * FROM exchanges WHERE target = \(target) ORDER BY sequence") {
            let kind = ExchangeRequest.Kind(rawValue: try store.decode(row, "kind", as: String.self)) ?? .earn
            if kinds.contains(kind) { found.append(try stored(row)) }
        }
        return found
    }

    func movedAmount(
        _ account: LedgerAccountID, _ currency: LedgerCurrency, kind: ExchangeRequest.Kind, from: CalendarDate,
        through: CalendarDate, service: String?
    ) throws(TimeBankError) -> Int {
        let found = try store.rows(
            """
            SELECT COALESCE(SUM(e.amount), 0)::BIGINT AS moved FROM entries e JOIN exchanges x ON x.id = e.exchange_id
            WHERE e.account_id = \(account.rawValue) AND e.currency = \(currency.rawValue) AND x.kind = \(kind.rawValue)
              AND x.date >= \(from.description) AND x.date <= \(through.description)
              AND (\(service)::TEXT IS NULL OR (x.body::jsonb ->> 'service') = \(service))
              AND NOT EXISTS (SELECT 1 FROM exchanges f WHERE f.target = x.id AND f.kind IN ('void', 'reverse'))
            """)
        guard let row = found.first else { return 0 }
        return try store.decode(row, "moved", as: Int.self)
    }

    func pendingEarnings(through date: CalendarDate) throws(TimeBankError) -> [StoredExchange] {
        var found: [StoredExchange] = []
        let rows = try store.rows(
            """
            SELECT * FROM exchanges x
            WHERE x.kind = 'earn' AND x.date <= \(date.description)
              AND EXISTS (SELECT 1 FROM entries e WHERE e.exchange_id = x.id AND e.bucket = 'pending')
              AND NOT EXISTS (SELECT 1 FROM exchanges f WHERE f.target = x.id AND f.kind IN ('confirm', 'void'))
            ORDER BY x.sequence
            """)
        for row in rows { found.append(try stored(row)) }
        return found
    }

    func chainHead() throws(TimeBankError) -> String {
        guard let row = try store.rows("SELECT hash FROM entries ORDER BY sequence DESC LIMIT 1").first else {
            return LedgerHash.genesis
        }
        return try store.decode(row, "hash", as: String.self)
    }

    func lastEntry() throws(TimeBankError) -> LedgerEntry? {
        try store.rows("SELECT * FROM entries ORDER BY sequence DESC LIMIT 1").first.map(entry(from:))
    }

    func balanceTotals() throws(TimeBankError) -> [BalanceTotal: Int] {
        var totals: [BalanceTotal: Int] = [:]
        let rows = try store.rows(
            "SELECT currency, bucket, SUM(amount)::BIGINT AS total FROM balances GROUP BY currency, bucket")
        for row in rows {
            guard let currency = LedgerCurrency(rawValue: try store.decode(row, "currency", as: String.self)),
                let bucket = LedgerBucket(rawValue: try store.decode(row, "bucket", as: String.self))
            else { throw .integrity(reason: "a balance row of unknown currency or bucket") }
            totals[BalanceTotal(currency: currency, bucket: bucket)] = try store.decode(row, "total", as: Int.self)
        }
        return totals
    }

    func append(_ request: ExchangeRequest, legs: [LedgerLeg], notes: [String], ruleset: String)
        throws(TimeBankError) -> ExchangeOutcome
    {
        let last = try store.rows("SELECT COALESCE(MAX(sequence), 0) AS last FROM exchanges")
        let sequence = (try last.first.map { row throws(TimeBankError) in try store.decode(row, "last", as: Int.self) } ?? 0)
            + 1
        let body = request.canonicalBody
        let bodyHash = LedgerHash.digest(body)
        try store.write(
            """
            INSERT INTO exchanges (id, sequence, kind, currency, date, target, ruleset, body, body_hash, notes)
            VALUES (\(request.id), \(sequence), \(request.kind.rawValue), \(request.currency.rawValue),
                    \(request.date.description), \(request.target), \(ruleset), \(body), \(bodyHash),
                    \(StoredExchange.encodedNotes(notes)))
            """)
        let head = try store.rows("SELECT sequence, hash FROM entries ORDER BY sequence DESC LIMIT 1").first
        var entrySequence = try head.map { row throws(TimeBankError) in try store.decode(row, "sequence", as: Int.self) } ?? 0
        var previous = try head.map { row throws(TimeBankError) in try store.decode(row, "hash", as: String.self) }
            ?? LedgerHash.genesis
        for leg in legs {
            entrySequence += 1
            let hash = LedgerHash.entry(
                previous: previous, sequence: entrySequence, exchangeID: request.id, bodyHash: bodyHash, leg: leg)
            try store.write(
                """
                INSERT INTO entries (sequence, exchange_id, account_id, currency, bucket, amount, previous_hash, hash)
                VALUES (\(entrySequence), \(request.id), \(leg.account.rawValue), \(leg.currency.rawValue),
                        \(leg.bucket.rawValue), \(leg.amount), \(previous), \(hash))
                """)
            try store.write(
                """
                INSERT INTO balances (account_id, currency, bucket, amount)
                VALUES (\(leg.account.rawValue), \(leg.currency.rawValue), \(leg.bucket.rawValue), \(leg.amount))
                ON CONFLICT (account_id, currency, bucket) DO UPDATE SET amount = balances.amount + excluded.amount
                """)
            previous = hash
        }
        return ExchangeOutcome(id: request.id, sequence: sequence, legs: legs, notes: notes, duplicate: false)
    }

    func readAll() throws(TimeBankError) -> LedgerSnapshot {
        var accounts: [LedgerAccount] = []
        for row in try store.rows("SELECT * FROM accounts ORDER BY id") { accounts.append(try account(from: row)) }
        var entries: [LedgerEntry] = []
        for row in try store.rows("SELECT * FROM entries ORDER BY sequence") { entries.append(try entry(from: row)) }
        let legsByExchange = Dictionary(grouping: entries, by: \.exchangeID)
        var exchanges: [StoredExchange] = []
        for row in try store.rows("SELECT * FROM exchanges ORDER BY sequence") {
            let id = try store.decode(row, "id", as: String.self)
            exchanges.append(try stored(row, legs: (legsByExchange[id] ?? []).map(\.leg)))
        }
        let balances = try balances(try store.rows("SELECT * FROM balances"))
        return LedgerSnapshot(accounts: accounts, exchanges: exchanges, entries: entries, balances: balances)
    }

    func readAccount(_ account: LedgerAccountID) throws(TimeBankError) -> LedgerSnapshot {
        let id = account.rawValue
        var accounts: [LedgerAccount] = []
        for row in try store.rows("SELECT * FROM accounts WHERE id = \(id)") { accounts.append(try self.account(from: row)) }
        var entries: [LedgerEntry] = []
        for row in try store.rows("SELECT * FROM entries WHERE account_id = \(id) ORDER BY sequence") {
            entries.append(try entry(from: row))
        }
        let legsByExchange = Dictionary(grouping: entries, by: \.exchangeID)
        var exchanges: [StoredExchange] = []
        let rows = try store.rows(
            """
            SELECT * FROM exchanges WHERE id IN (SELECT exchange_id FROM entries WHERE account_id = \(id))
            ORDER BY sequence
            """)
        for row in rows {
            let exchangeID = try store.decode(row, "id", as: String.self)
            exchanges.append(try stored(row, legs: (legsByExchange[exchangeID] ?? []).map(\.leg)))
        }
        let balances = try balances(try store.rows("SELECT * FROM balances WHERE account_id = \(id)"))
        return LedgerSnapshot(accounts: accounts, exchanges: exchanges, entries: entries, balances: balances)
    }

    // MARK: - Rows

    private func balances(_ rows: [PostgresRandomAccessRow]) throws(TimeBankError) -> [BalanceKey: Int] {
        var balances: [BalanceKey: Int] = [:]
        for row in rows {
            guard let currency = LedgerCurrency(rawValue: try store.decode(row, "currency", as: String.self)),
                let bucket = LedgerBucket(rawValue: try store.decode(row, "bucket", as: String.self))
            else { throw .integrity(reason: "a balance row of unknown currency or bucket") }
            let account = LedgerAccountID(try store.decode(row, "account_id", as: String.self))
            balances[BalanceKey(account: account, currency: currency, bucket: bucket)] =
                try store.decode(row, "amount", as: Int.self)
        }
        return balances
    }

    private func stored(_ row: PostgresRandomAccessRow) throws(TimeBankError) -> StoredExchange {
        let id = try store.decode(row, "id", as: String.self)
        var legs: [LedgerLeg] = []
        for entryRow in try store.rows("SELECT * FROM entries WHERE exchange_id = \(id) ORDER BY sequence") {
            legs.append(try entry(from: entryRow).leg)
        }
        return try stored(row, legs: legs)
    }

    private func stored(_ row: PostgresRandomAccessRow, legs: [LedgerLeg]) throws(TimeBankError) -> StoredExchange {
        try StoredExchange.decoded(
            id: try store.decode(row, "id", as: String.self), sequence: try store.decode(row, "sequence", as: Int.self),
            body: try store.decode(row, "body", as: String.self),
            bodyHash: try store.decode(row, "body_hash", as: String.self),
            ruleset: try store.decode(row, "ruleset", as: String.self),
            notesJSON: try store.decode(row, "notes", as: String.self), legs: legs)
    }

    private func account(from row: PostgresRandomAccessRow) throws(TimeBankError) -> LedgerAccount {
        let id = try store.decode(row, "id", as: String.self)
        guard let kind = LedgerAccount.Kind(rawValue: try store.decode(row, "kind", as: String.self)) else {
            throw .integrity(reason: "account \(id): unknown kind")
        }
        let person = try store.decode(row, "person_id", as: String?.self)
        return LedgerAccount(
            id: LedgerAccountID(id), kind: kind, personID: person.map { PersonID($0) },
            birthYear: try store.decode(row, "birth_year", as: Int?.self))
    }

    private func entry(from row: PostgresRandomAccessRow) throws(TimeBankError) -> LedgerEntry {
        let sequence = try store.decode(row, "sequence", as: Int.self)
        guard let currency = LedgerCurrency(rawValue: try store.decode(row, "currency", as: String.self)),
            let bucket = LedgerBucket(rawValue: try store.decode(row, "bucket", as: String.self))
        else { throw .integrity(reason: "entry \(sequence): unknown currency or bucket") }
        let leg = LedgerLeg(
            account: LedgerAccountID(try store.decode(row, "account_id", as: String.self)), currency: currency,
            bucket: bucket, amount: try store.decode(row, "amount", as: Int.self))
        return LedgerEntry(
            sequence: sequence, exchangeID: try store.decode(row, "exchange_id", as: String.self), leg: leg,
            previousHash: try store.decode(row, "previous_hash", as: String.self),
            hash: try store.decode(row, "hash", as: String.self))
    }
}
