/// One movement of an exchange: an amount added to (or, negative, taken from) one account's bucket. The legs of an
/// exchange sum to zero in each bucket.
public struct LedgerLeg: Hashable, Sendable, Codable {
    public var account: LedgerAccountID
    public var currency: LedgerCurrency
    public var bucket: LedgerBucket
    public var amount: Int

    public init(account: LedgerAccountID, currency: LedgerCurrency, bucket: LedgerBucket, amount: Int) {
        self.account = account
        self.currency = currency
        self.bucket = bucket
        self.amount = amount
    }
}
