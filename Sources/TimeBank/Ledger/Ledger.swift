import GridModel
import GridRules

/// The time bank: every request checked against timebank.yaml, turned into legs that sum to zero, and appended in
/// one transaction of the store, at most once per client id.
///
/// Earnings are issued from ``LedgerAccount/issuance`` and redeemed minutes return to it, so each currency's
/// balances sum to zero at all times. Nothing is ever updated or deleted: a mistake is undone by a `reverse`, a
/// pending earning by a `void`.
public struct Ledger: Sendable {
    public let store: any LedgerStore
    public let rules: TimeBankRules

    public init(store: any LedgerStore, rules: TimeBankRules) {
        self.store = store
        self.rules = rules
    }

    /// Largest amount one exchange may move: 10⁷ minutes (19 years), far above any cap, far below overflow.
    public static let largestAmount = 10_000_000

    /// Opens the issuance pool and the rules' pools where missing; returns the accounts created.
    @discardableResult
    public func initialise() throws(TimeBankError) -> [LedgerAccountID] {
        let pools = [LedgerAccount.issuance] + (rules.pools.value + [rules.capPool.value, rules.expirySink.value])
            .map { LedgerAccountID($0) }
        var created: [LedgerAccountID] = []
        for pool in Set(pools).sorted() {
            if try open(LedgerAccount(id: pool, kind: .pool)) { created.append(pool) }
        }
        return created
    }

    /// Opens an account; opening the same account again changes nothing. Returns whether it was created.
    @discardableResult
    public func open(_ account: LedgerAccount) throws(TimeBankError) -> Bool {
        try Self.check(account)
        return try store.transaction { (transaction) throws(TimeBankError) -> Bool in
            try Self.open(account, in: transaction)
        }
    }

    private static func check(_ account: LedgerAccount) throws(TimeBankError) {
        try checkIdentifier(account.id.rawValue, exchange: "open \(account.id)", field: "account")
        if let year = account.birthYear, !(1880...2200).contains(year) {
            throw .invalidRequest(exchange: "open \(account.id)", field: "birth_year", expected: "a year 1880…2200")
        }
    }

    private static func open(_ account: LedgerAccount, in transaction: any LedgerTransaction) throws(TimeBankError)
        -> Bool
    {
        if let existing = try transaction.account(account.id) {
            guard existing == account else { throw .accountConflict(account: account.id) }
            return false
        }
        try transaction.insert(account)
        return true
    }

    /// Applies `request`, or returns its first outcome when the same id and body were applied before.
    public func submit(_ request: ExchangeRequest) throws(TimeBankError) -> ExchangeOutcome {
        try validate(request)
        return try store.transaction { (transaction) throws(TimeBankError) -> ExchangeOutcome in
            try apply(request, in: transaction)
        }
    }

    /// Applies `requests` in order in one transaction: every one of them, or (when one is refused) none. Requests
    /// applied before (same id and body) are answered as duplicates, so importing the same file twice adds nothing.
    ///
    /// `accounts` are opened first in the same transaction (an account already there must be the same). With
    /// `chainHeads` (an export's entry hashes, by exchange id), each newly applied exchange must end the hash chain
    /// exactly there: an export restored into an empty ledger (or one holding its earlier rows) gives the same chain.
    public func submit(
        batch requests: [ExchangeRequest], accounts: [LedgerAccount] = [], chainHeads: [String: String] = [:]
    ) throws(TimeBankError) -> [ExchangeOutcome] {
        for account in accounts { try Self.check(account) }
        for request in requests { try validate(request) }
        return try store.transaction { (transaction) throws(TimeBankError) -> [ExchangeOutcome] in
            for account in accounts { try Self.open(account, in: transaction) }
            var outcomes: [ExchangeOutcome] = []
            for request in requests {
                let outcome = try apply(request, in: transaction)
                if !outcome.duplicate, let expected = chainHeads[request.id] {
                    let head = try transaction.chainHead()
                    guard head == expected else {
                        throw .invalidRequest(
                            exchange: request.id, field: "entry_hash",
                            expected: "\(head) (the hash this ledger gives it; a file with entry hashes restores only "
                                + "into an empty ledger or one holding its earlier rows: leave the column out to add "
                                + "its exchanges as new)")
                    }
                }
                outcomes.append(outcome)
            }
            return outcomes
        }
    }

    private func apply(_ request: ExchangeRequest, in transaction: any LedgerTransaction) throws(TimeBankError)
        -> ExchangeOutcome
    {
        if let stored = try transaction.exchange(request.id) {
            guard stored.body == request.canonicalBody else {
                throw .conflict(exchange: request.id, firstBody: stored.body)
            }
            var outcome = stored.outcome
            outcome.duplicate = true
            return outcome
        }
        let plan = try ExchangePlanner(rules: rules, transaction: transaction, request: request).plan()
        return try transaction.append(request, legs: plan.legs, notes: plan.notes, ruleset: rules.version.value)
    }

    /// The invariants cheap enough to check whenever the ledger is opened: each currency's balances sum to zero in
    /// each bucket, and the last entry's hash is what its previous hash, its fields and its exchange's body give.
    /// `verify` replays everything.
    public func checkOnOpen() throws(TimeBankError) {
        try store.transaction { (transaction) throws(TimeBankError) in
            for (total, sum) in try transaction.balanceTotals().sorted(by: { "\($0.key)" < "\($1.key)" }) where sum != 0 {
                throw .integrity(
                    reason: "\(total.currency.rawValue)/\(total.bucket.rawValue) balances sum to \(sum), not 0 "
                        + "(run `wangge bank verify` for every problem)")
            }
            guard let last = try transaction.lastEntry() else { return }
            let bodyHash = try transaction.exchange(last.exchangeID)?.bodyHash ?? ""
            let expected = LedgerHash.entry(
                previous: last.previousHash, sequence: last.sequence, exchangeID: last.exchangeID, bodyHash: bodyHash,
                leg: last.leg)
            guard expected == last.hash else {
                throw .integrity(
                    reason: "entry \(last.sequence): its hash does not match its fields (run `wangge bank verify`)")
            }
        }
    }

    /// Confirms every earning still pending `timebank.workflow`'s days after its date, counted to `asOf` (never
    /// to the clock). Each confirmation has the id `auto-confirm-<earning>`, so running this twice adds nothing.
    public func settle(asOf: CalendarDate, operatorName: String) throws(TimeBankError) -> [ExchangeOutcome] {
        let due = asOf.adding(days: -rules.autoConfirmAfterDays.value)
        let pending = try store.transaction { (transaction) throws(TimeBankError) in
            try transaction.pendingEarnings(through: due)
        }
        var outcomes: [ExchangeOutcome] = []
        for earning in pending {
            let request = ExchangeRequest(
                id: "auto-confirm-\(earning.request.id)", kind: .confirm, currency: earning.request.currency,
                date: asOf, operatorName: operatorName, target: earning.request.id,
                note: "\(rules.autoConfirmAfterDays.ruleID): pending since \(earning.request.date)")
            outcomes.append(try submit(request))
        }
        return outcomes
    }

    // MARK: - Validation

    private func validate(_ request: ExchangeRequest) throws(TimeBankError) {
        let id = request.id
        try Self.checkIdentifier(id, exchange: id.isEmpty ? "(no id)" : id, field: "id")
        try Self.checkIdentifier(request.operatorName, exchange: id, field: "operator")
        for (field, value) in [("from", request.from?.rawValue), ("to", request.to?.rawValue)] {
            if let value { try Self.checkIdentifier(value, exchange: id, field: field) }
        }
        for (field, value) in [
            ("service", request.service), ("proxy_for", request.proxyFor), ("target", request.target),
            ("relation", request.relation), ("proof", request.proof), ("approved_by", request.approvedBy),
        ] {
            if let value { try Self.checkIdentifier(value, exchange: id, field: field) }
        }
        if let note = request.note, note.count > 1000 {
            throw .invalidRequest(exchange: id, field: "note", expected: "at most 1,000 characters")
        }
        switch request.kind {
        case .earn, .redeem, .transfer, .donate:
            guard (1...Self.largestAmount).contains(request.amount) else {
                throw .invalidRequest(
                    exchange: id, field: request.currency == .time ? "minutes" : "points",
                    expected: "a whole number 1…\(Self.largestAmount)")
            }
        case .confirm, .void, .reverse:
            guard request.amount == 0 else {
                throw .invalidRequest(exchange: id, field: "minutes", expected: "none (the target's amounts are used)")
            }
            guard request.target != nil else {
                throw .invalidRequest(exchange: id, field: "target", expected: "the id of the exchange to \(request.kind)")
            }
        }
    }

    /// Ids, names and short texts: 1…128 characters, no control characters (the hash chain's separator among them).
    static func checkIdentifier(_ text: String, exchange: String, field: String) throws(TimeBankError) {
        guard !text.isEmpty, text.count <= 128,
            !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw .invalidRequest(exchange: exchange, field: field, expected: "1…128 characters, no control characters")
        }
    }
}
