/// One row of the time-bank import format (../shared/spec/data-format.md, "Time-bank import"): a paper passbook's
/// line, or a confirmed service from the matching job's earnings.csv.
public struct TimeBankImportRow: Hashable, Sendable {
    /// What the row does.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case earn
        case redeem
        case transfer
        case donate
        /// The follow-ups an export holds (a pending earning settled, an exchange reversed): they name a `target`.
        case confirm
        case void
        case reverse

        /// Kinds that move an amount of their own; the others take their target's.
        public var movesAmount: Bool { self == .earn || self == .redeem || self == .transfer || self == .donate }
    }

    /// The line of the file, for messages.
    public var line: Int
    /// The exchange id: importing the same row twice applies it once.
    public var exchangeID: String
    public var kind: Kind
    /// Empty on `earn`: the issuance pool.
    public var fromAccount: String?
    public var toAccount: String?
    /// Minutes of time, or points (0 on confirm, void and reverse).
    public var amount: Int
    public var service: String?
    public var date: CalendarDate
    public var operatorName: String
    public var note: String?
    /// `time` (minutes, the default) or `points`.
    public var isPoints: Bool
    /// `pending` or `confirmed` (the default, as for paper passbooks).
    public var isPending: Bool
    /// The exchange a confirm, void or reverse acts on.
    public var target: String?
    /// An export's entry hash: the chain's head after this exchange (checked when the row is applied).
    public var entryHash: String?
    /// An export's canonical body of the exchange: when present it is the exchange, and the other cells must agree.
    public var body: String?

    public init(
        line: Int, exchangeID: String, kind: Kind, fromAccount: String?, toAccount: String?, amount: Int,
        service: String?, date: CalendarDate, operatorName: String, note: String?, isPoints: Bool, isPending: Bool,
        target: String? = nil, entryHash: String? = nil, body: String? = nil
    ) {
        self.target = target
        self.entryHash = entryHash
        self.body = body
        self.line = line
        self.exchangeID = exchangeID
        self.kind = kind
        self.fromAccount = fromAccount
        self.toAccount = toAccount
        self.amount = amount
        self.service = service
        self.date = date
        self.operatorName = operatorName
        self.note = note
        self.isPoints = isPoints
        self.isPending = isPending
    }
}
