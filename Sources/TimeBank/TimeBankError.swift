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

    public var description: String {
        switch self {
        case .invalidRequest(let exchange, let field, let expected):
            "exchange \(exchange): \(field): expected \(expected)"
        case .ruleRefused(let exchange, let rule, let detail):
            "exchange \(exchange): refused by \(rule): \(detail)"
        case .conflict(let exchange, let firstBody):
            "exchange \(exchange): the id was used before with another body (first: \(firstBody))"
        case .unknownAccount(let exchange, let account):
            "exchange \(exchange): no account \(account); open it first (wangge bank open)"
        case .accountConflict(let account):
            "account \(account) exists already with other details"
        case .unknownExchange(let exchange, let target):
            "exchange \(exchange): no exchange \(target) in the ledger"
        case .unavailable(let location, let reason):
            "\(location): \(reason)"
        case .storage(let reason):
            "the ledger's database failed: \(reason); nothing was written"
        case .integrity(let reason):
            "the ledger does not verify: \(reason)"
        }
    }
}
