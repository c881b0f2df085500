import GridModel

/// Why the ledger refused a request or could not be used. Nothing is written when any of these is thrown.
public enum TimeBankError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A field of a request is missing or out of range.
    case invalidRequest(exchange: String, field: String, expected: String)
    /// A rule of timebank.yaml refuses the exchange; `detail` says where and by how much.
    case ruleRefused(exchange: String, rule: RuleID, detail: String)
    /// The id was used before with another body.
    case conflict(exchange: String, firstBody: String)
    /// No account of that id.
    case unknownAccount(exchange: String, account: LedgerAccountID)
    /// An account of that id exists already with other details.
    case accountConflict(account: LedgerAccountID)
    /// No exchange of that id to confirm, void or reverse.
    case unknownExchange(exchange: String, target: String)
    /// The ledger file or server cannot be opened, or is not a ledger.
    case unavailable(location: String, reason: String)
    /// The database failed while reading or writing; the transaction was rolled back.
    case storage(reason: String)
    /// The ledger does not verify: an invariant is broken (see ``LedgerVerifier``).
    case integrity(reason: String)

    /// The exchange the error is about, when it is about one (an import names the row holding it).
    public var exchange: String? {
        switch self {
        case .invalidRequest(let exchange, _, _), .ruleRefused(let exchange, _, _), .conflict(let exchange, _),
            .unknownAccount(let exchange, _), .unknownExchange(let exchange, _):
            exchange
        case .accountConflict, .unavailable, .storage, .integrity:
            nil
        }
    }

    public var description: String {
        switch self {
        case .invalidRequest(let exchange, let field, let expected):
            Message.text("timebank.error.invalid", ["exchange": exchange, "field": field, "expected": expected])
        case .ruleRefused(let exchange, let rule, let detail):
            Message.text("timebank.error.refused", ["exchange": exchange, "rule": rule.rawValue, "detail": detail])
        case .conflict(let exchange, let firstBody):
            Message.text("timebank.error.conflict", ["exchange": exchange, "body": firstBody])
        case .unknownAccount(let exchange, let account):
            Message.text("timebank.error.unknown_account", ["exchange": exchange, "account": account.rawValue])
        case .accountConflict(let account):
            Message.text("timebank.error.account_conflict", ["account": account.rawValue])
        case .unknownExchange(let exchange, let target):
            Message.text("timebank.error.unknown_exchange", ["exchange": exchange, "target": target])
        case .unavailable(let location, let reason):
            Message.text("timebank.error.unavailable", ["location": location, "reason": reason])
        case .storage(let reason):
            Message.text("timebank.error.storage", ["reason": reason])
        case .integrity(let reason):
            Message.text("timebank.error.integrity", ["reason": reason])
        }
    }
}
