/// The PostgreSQL ledger's schema: the same migrations as ``LedgerSchema`` (same names, same tables, constraints and
/// append-only rules) in PostgreSQL's dialect. A migration once released is never edited, only followed.
enum PostgresLedgerSchema {
    /// Migrations in order, by the names SQLite's migrator records.
    static let migrations: [(name: String, statements: [String])] = [("v1-ledger", version1)]

    /// Applied migrations, as GRDB's `grdb_migrations` records them on SQLite.
    static let migrationsTable = """
        CREATE TABLE IF NOT EXISTS ledger_migrations (
            identifier TEXT PRIMARY KEY NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )
        """

    static let kinds = LedgerSchema.kinds
    static let currencies = LedgerSchema.currencies

    static let version1 = [
        """
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
            kind TEXT NOT NULL CHECK (kind IN ('person', 'group', 'organisation', 'pool')),
            person_id TEXT,
            birth_year BIGINT CHECK (birth_year IS NULL OR birth_year BETWEEN 1880 AND 2200)
        )
        """,
        """
        CREATE TABLE exchanges (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
            sequence BIGINT NOT NULL UNIQUE CHECK (sequence >= 1),
            kind TEXT NOT NULL CHECK (kind IN \(kinds)),
            currency TEXT NOT NULL CHECK (currency IN \(currencies)),
            date TEXT NOT NULL CHECK (length(date) = 10),
            target TEXT REFERENCES exchanges (id),
            ruleset TEXT NOT NULL,
            body TEXT NOT NULL,
            body_hash TEXT NOT NULL CHECK (length(body_hash) = 64),
            notes TEXT NOT NULL
        )
        """,
        "CREATE INDEX exchanges_by_target ON exchanges (target)",
        "CREATE UNIQUE INDEX exchanges_one_settlement ON exchanges (target) WHERE kind IN ('confirm', 'void')",
        "CREATE UNIQUE INDEX exchanges_one_reversal ON exchanges (target) WHERE kind = 'reverse'",
        """
        CREATE TABLE entries (
            sequence BIGINT PRIMARY KEY NOT NULL CHECK (sequence >= 1),
            exchange_id TEXT NOT NULL REFERENCES exchanges (id),
            account_id TEXT NOT NULL REFERENCES accounts (id),
            currency TEXT NOT NULL CHECK (currency IN \(currencies)),
            bucket TEXT NOT NULL CHECK (bucket IN ('posted', 'pending')),
            amount BIGINT NOT NULL CHECK (amount <> 0),
            previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
            hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
        )
        """,
        "CREATE INDEX entries_by_exchange ON entries (exchange_id)",
        "CREATE INDEX entries_by_account ON entries (account_id, currency)",
        """
        CREATE TABLE balances (
            account_id TEXT NOT NULL REFERENCES accounts (id),
            currency TEXT NOT NULL CHECK (currency IN \(currencies)),
            bucket TEXT NOT NULL CHECK (bucket IN ('posted', 'pending')),
            amount BIGINT NOT NULL,
            PRIMARY KEY (account_id, currency, bucket)
        )
        """,
        // The hash chain is one total order, so writers take turns on this one row (SQLite's single writer).
        "CREATE TABLE ledger_writer (id BIGINT PRIMARY KEY NOT NULL CHECK (id = 1))",
        "INSERT INTO ledger_writer (id) VALUES (1)",
        """
        CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'ledger % are append-only', TG_TABLE_NAME;
        END
        $$
        """,
        "CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON entries "
            + "FOR EACH ROW EXECUTE FUNCTION ledger_append_only()",
        "CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON entries "
            + "FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()",
        "CREATE TRIGGER exchanges_append_only BEFORE UPDATE OR DELETE ON exchanges "
            + "FOR EACH ROW EXECUTE FUNCTION ledger_append_only()",
        "CREATE TRIGGER exchanges_no_truncate BEFORE TRUNCATE ON exchanges "
            + "FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()",
    ]
}
