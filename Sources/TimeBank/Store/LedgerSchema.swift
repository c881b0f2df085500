import GRDB

/// The SQLite ledger's schema, one migration per version; a version once released is never edited, only followed.
///
/// The tables mirror what every backend keeps: accounts (personal data, correctable), exchanges (one per client id,
/// its canonical body and body hash), entries (the legs, hash-chained) and balances (a cache that `verify` replays).
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            for statement in version1 { try db.execute(sql: statement) }
        }
        return migrator
    }

    static let kinds = "('earn', 'confirm', 'void', 'redeem', 'transfer', 'donate', 'reverse')"
    static let currencies = "('time', 'points')"

    static let version1 = [
        """
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
            kind TEXT NOT NULL CHECK (kind IN ('person', 'group', 'organisation', 'pool')),
            person_id TEXT,
            birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1880 AND 2200)
        )
        """,
        """
        CREATE TABLE exchanges (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
            sequence INTEGER NOT NULL UNIQUE CHECK (sequence >= 1),
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
        // A pending earning is confirmed or voided once, and any exchange is reversed at most once.
        "CREATE UNIQUE INDEX exchanges_one_settlement ON exchanges (target) WHERE kind IN ('confirm', 'void')",
        "CREATE UNIQUE INDEX exchanges_one_reversal ON exchanges (target) WHERE kind = 'reverse'",
        """
        CREATE TABLE entries (
            sequence INTEGER PRIMARY KEY NOT NULL CHECK (sequence >= 1),
            exchange_id TEXT NOT NULL REFERENCES exchanges (id),
            account_id TEXT NOT NULL REFERENCES accounts (id),
            currency TEXT NOT NULL CHECK (currency IN \(currencies)),
            bucket TEXT NOT NULL CHECK (bucket IN ('posted', 'pending')),
            amount INTEGER NOT NULL CHECK (amount <> 0),
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
            amount INTEGER NOT NULL,
            PRIMARY KEY (account_id, currency, bucket)
        )
        """,
        "CREATE TRIGGER entries_append_only_update BEFORE UPDATE ON entries "
            + "BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END",
        "CREATE TRIGGER entries_append_only_delete BEFORE DELETE ON entries "
            + "BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END",
        "CREATE TRIGGER exchanges_append_only_update BEFORE UPDATE ON exchanges "
            + "BEGIN SELECT RAISE(ABORT, 'ledger exchanges are append-only'); END",
        "CREATE TRIGGER exchanges_append_only_delete BEFORE DELETE ON exchanges "
            + "BEGIN SELECT RAISE(ABORT, 'ledger exchanges are append-only'); END",
    ]
}
