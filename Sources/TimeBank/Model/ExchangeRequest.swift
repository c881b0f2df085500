import Foundation
import GridModel

/// One request to the ledger, carrying the client's id: the same id with the same body is applied once and answered
/// with the first result; the same id with another body is refused as a conflict.
///
/// Dates are the ledger's, given by the caller (the service day, `--as-of`), never the clock, so that a replay of
/// the same requests gives the same ledger.
public struct ExchangeRequest: Hashable, Sendable, Codable {
    /// What the exchange does.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// Minutes (or points) issued to a provider for a service, held pending or posted at once.
        case earn
        /// A pending earning confirmed by the recipient, a proxy or the rule's timeout: it becomes spendable.
        case confirm
        /// A pending earning withdrawn: both sides restored.
        case void
        /// Minutes spent on a service received (or points exchanged): they return to the issuance pool.
        case redeem
        /// Minutes given to a relative, with the relation and its proof, approved as the rules say.
        case transfer
        /// Minutes given to a pool or a person.
        case donate
        /// A compensating exchange that undoes a posted one; nothing is ever deleted.
        case reverse
    }

    /// The client's id (the exchange id of the import format).
    public var id: String
    public var kind: Kind
    public var currency: LedgerCurrency
    /// The paying account (empty on `earn`: the issuance pool).
    public var from: LedgerAccountID?
    /// The receiving account.
    public var to: LedgerAccountID?
    /// Minutes (or points); 0 for confirm, void and reverse, which take their amounts from the target.
    public var amount: Int
    /// The service (catalogue id) earned or redeemed for.
    public var service: String?
    /// The ledger day of the exchange.
    public var date: CalendarDate
    /// Who entered it.
    public var operatorName: String
    /// The account holder the operator acts for (a grid worker for an elderly resident), recorded as proxy.
    public var proxyFor: String?
    /// The exchange confirmed, voided or reversed.
    public var target: String?
    /// Whether an earning is held pending until confirmed (the rules' `pending_hold`; paper passbooks are posted).
    public var pending: Bool
    /// A transfer's relation (spouse, parent, …) and its proof (household register number, …).
    public var relation: String?
    public var proof: String?
    /// Who approved a transfer, where the rules require approval.
    public var approvedBy: String?
    public var note: String?

    public init(
        id: String, kind: Kind, currency: LedgerCurrency = .time, from: LedgerAccountID? = nil,
        to: LedgerAccountID? = nil, amount: Int = 0, service: String? = nil, date: CalendarDate,
        operatorName: String, proxyFor: String? = nil, target: String? = nil, pending: Bool = false,
        relation: String? = nil, proof: String? = nil, approvedBy: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.currency = currency
        self.from = from
        self.to = to
        self.amount = amount
        self.service = service
        self.date = date
        self.operatorName = operatorName
        self.proxyFor = proxyFor
        self.target = target
        self.pending = pending
        self.relation = relation
        self.proof = proof
        self.approvedBy = approvedBy
        self.note = note
    }

    private enum CodingKeys: String, CodingKey {
        case id, kind, currency, from, to, amount, service, date
        case operatorName = "operator"
        case proxyFor = "proxy_for"
        case target, pending, relation, proof
        case approvedBy = "approved_by"
        case note
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        kind = try container.decode(Kind.self, forKey: .kind)
        currency = try container.decode(LedgerCurrency.self, forKey: .currency)
        from = try container.decodeIfPresent(LedgerAccountID.self, forKey: .from)
        to = try container.decodeIfPresent(LedgerAccountID.self, forKey: .to)
        amount = try container.decode(Int.self, forKey: .amount)
        service = try container.decodeIfPresent(String.self, forKey: .service)
        let day = try container.decode(String.self, forKey: .date)
        guard let date = CalendarDate(parsing: day) else {
            throw DecodingError.dataCorruptedError(forKey: .date, in: container, debugDescription: "not YYYY-MM-DD")
        }
        self.date = date
        operatorName = try container.decode(String.self, forKey: .operatorName)
        proxyFor = try container.decodeIfPresent(String.self, forKey: .proxyFor)
        target = try container.decodeIfPresent(String.self, forKey: .target)
        pending = try container.decode(Bool.self, forKey: .pending)
        relation = try container.decodeIfPresent(String.self, forKey: .relation)
        proof = try container.decodeIfPresent(String.self, forKey: .proof)
        approvedBy = try container.decodeIfPresent(String.self, forKey: .approvedBy)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(currency, forKey: .currency)
        try container.encodeIfPresent(from, forKey: .from)
        try container.encodeIfPresent(to, forKey: .to)
        try container.encode(amount, forKey: .amount)
        try container.encodeIfPresent(service, forKey: .service)
        try container.encode(date.description, forKey: .date)
        try container.encode(operatorName, forKey: .operatorName)
        try container.encodeIfPresent(proxyFor, forKey: .proxyFor)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encode(pending, forKey: .pending)
        try container.encodeIfPresent(relation, forKey: .relation)
        try container.encodeIfPresent(proof, forKey: .proof)
        try container.encodeIfPresent(approvedBy, forKey: .approvedBy)
        try container.encodeIfPresent(note, forKey: .note)
    }

    /// The canonical body: JSON with sorted keys, the bytes the idempotency check and the hash chain compare.
    public var canonicalBody: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, integers and booleans cannot fail.
        guard let data = try? encoder.encode(self) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A request from its canonical body, as the store keeps it.
    public static func decoding(canonicalBody body: String) -> ExchangeRequest? {
        try? JSONDecoder().decode(ExchangeRequest.self, from: Data(body.utf8))
    }
}
