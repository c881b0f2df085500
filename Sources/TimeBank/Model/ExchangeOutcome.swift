/// What the ledger did with a request: the legs it appended (in order), the position of the exchange in the
/// ledger, and notes naming the rules that shaped it (an overflow routed to a pool, say).
public struct ExchangeOutcome: Hashable, Sendable, Codable {
    public var id: String
    /// 1 for the first exchange of the ledger, and so on.
    public var sequence: Int
    public var legs: [LedgerLeg]
    public var notes: [String]
    /// True when the id had been applied before with the same body: nothing new was written.
    public var duplicate: Bool

    public init(id: String, sequence: Int, legs: [LedgerLeg], notes: [String], duplicate: Bool) {
        self.id = id
        self.sequence = sequence
        self.legs = legs
        self.notes = notes
        self.duplicate = duplicate
    }
}
