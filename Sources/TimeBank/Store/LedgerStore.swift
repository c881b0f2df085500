import Foundation
import GridModel

/// A ledger's storage: one backend per database (SQLite through GRDB, PostgreSQL). Every backend keeps the same
/// tables, constraints and append-only triggers, so that the same suite runs against each.
///
/// The rules live in ``Ledger``, not here: a store only reads and appends inside one serialisable transaction.
public protocol LedgerStore: Sendable {
    /// Runs `body` in one write transaction: all of it is committed, or nothing when it throws.
    func transaction<T>(_ body: (any LedgerTransaction) throws(TimeBankError) -> T) throws(TimeBankError) -> T
    /// Everything the verifier replays, read in one consistent snapshot.
    func snapshot() throws(TimeBankError) -> LedgerSnapshot
    /// One account's part of the ledger, read in one consistent snapshot, for its passbook: the account, its
    /// entries, the exchanges they belong to (with this account's legs only) and its balances. It reads by index,
    /// so a passbook costs the account's history, not the ledger's.
    func accountSnapshot(_ account: LedgerAccountID) throws(TimeBankError) -> LedgerSnapshot
}

/// What the rules read and append inside one transaction.
public protocol LedgerTransaction {
    func account(_ id: LedgerAccountID) throws(TimeBankError) -> LedgerAccount?
    func insert(_ account: LedgerAccount) throws(TimeBankError)
    /// The cached balance of one bucket (0 when the account never moved).
    func balance(_ account: LedgerAccountID, _ currency: LedgerCurrency, _ bucket: LedgerBucket)
        throws(TimeBankError) -> Int
    func exchange(_ id: String) throws(TimeBankError) -> StoredExchange?
    /// Exchanges of `kinds` that name `target` (a confirm or void of a pending earning, a reversal).
    func followUps(of target: String, kinds: Set<ExchangeRequest.Kind>) throws(TimeBankError) -> [StoredExchange]
    /// The sum of `account`'s legs in exchanges of `kind` dated `from`…`through` (for `service` only, when given),
    /// leaving out exchanges voided or reversed since (the monthly and yearly caps count what still stands).
    func movedAmount(
        _ account: LedgerAccountID, _ currency: LedgerCurrency, kind: ExchangeRequest.Kind, from: CalendarDate,
        through: CalendarDate, service: String?
    ) throws(TimeBankError) -> Int
    /// Earnings still pending (neither confirmed nor voided) dated on or before `date`, oldest first.
    func pendingEarnings(through date: CalendarDate) throws(TimeBankError) -> [StoredExchange]
    /// The hash of the last entry (the chain's head), or the genesis hash of an empty ledger.
    func chainHead() throws(TimeBankError) -> String
    /// The last entry, or nil in an empty ledger.
    func lastEntry() throws(TimeBankError) -> LedgerEntry?
    /// The sum of the cached balances of each currency and bucket (every one 0 in a sound ledger).
    func balanceTotals() throws(TimeBankError) -> [BalanceTotal: Int]
    /// Appends the exchange and its legs (hash-chained) and updates the cached balances.
    func append(_ request: ExchangeRequest, legs: [LedgerLeg], notes: [String], ruleset: String)
        throws(TimeBankError) -> ExchangeOutcome
}

/// An exchange as stored: its request, the legs appended for it, and its notes.
public struct StoredExchange: Hashable, Sendable {
    public var sequence: Int
    public var request: ExchangeRequest
    /// The canonical body as stored (compared byte for byte on a retry).
    public var body: String
    public var bodyHash: String
    public var ruleset: String
    public var legs: [LedgerLeg]
    public var notes: [String]

    public var outcome: ExchangeOutcome {
        ExchangeOutcome(id: request.id, sequence: sequence, legs: legs, notes: notes, duplicate: false)
    }
}

/// One stored entry (a leg with its place in the hash chain).
public struct LedgerEntry: Hashable, Sendable {
    public var sequence: Int
    public var exchangeID: String
    public var leg: LedgerLeg
    public var previousHash: String
    public var hash: String
}

/// The whole ledger read at once, for verification and export.
public struct LedgerSnapshot: Sendable {
    public var accounts: [LedgerAccount]
    /// Exchanges in ledger order.
    public var exchanges: [StoredExchange]
    /// Entries in ledger order.
    public var entries: [LedgerEntry]
    /// The cached balances, by account, currency and bucket.
    public var balances: [BalanceKey: Int]
}

/// A currency and bucket, whose balances sum to zero.
public struct BalanceTotal: Hashable, Sendable {
    public var currency: LedgerCurrency
    public var bucket: LedgerBucket
}

/// The key of a cached balance.
public struct BalanceKey: Hashable, Sendable, Comparable {
    public var account: LedgerAccountID
    public var currency: LedgerCurrency
    public var bucket: LedgerBucket

    public init(account: LedgerAccountID, currency: LedgerCurrency, bucket: LedgerBucket) {
        self.account = account
        self.currency = currency
        self.bucket = bucket
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.account, lhs.currency, lhs.bucket) < (rhs.account, rhs.currency, rhs.bucket)
    }
}

extension StoredExchange {
    /// An exchange from its stored columns, as every backend keeps them (notes as a JSON array of strings).
    static func decoded(
        id: String, sequence: Int, body: String, bodyHash: String, ruleset: String, notesJSON: String,
        legs: [LedgerLeg]
    ) throws(TimeBankError) -> StoredExchange {
        guard let request = ExchangeRequest.decoding(canonicalBody: body) else {
            throw .integrity(reason: "exchange \(id): its stored body is not a request")
        }
        let notes = (try? JSONDecoder().decode([String].self, from: Data(notesJSON.utf8))) ?? []
        return StoredExchange(
            sequence: sequence, request: request, body: body, bodyHash: bodyHash, ruleset: ruleset, legs: legs,
            notes: notes)
    }

    /// Notes as stored: a JSON array of strings.
    static func encodedNotes(_ notes: [String]) -> String {
        (try? JSONEncoder().encode(notes)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}

/// A place where a crash can leave a ledger, reported to a store's observer (the crash tests kill the process at
/// each in turn).
public enum LedgerWritePoint: Sendable {
    /// A statement inside a transaction (an exchange, an entry or a balance row written, not yet committed).
    case statement
    /// A transaction committed: its exchanges are durable.
    case commit
}
