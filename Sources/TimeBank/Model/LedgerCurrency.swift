/// The two currencies of the ledger, which never mix: an exchange moves one currency only.
public enum LedgerCurrency: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    /// Service time in whole minutes.
    case time
    /// Party-member points (党员积分).
    case points

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where an amount sits: spendable, or held until the service is confirmed.
public enum LedgerBucket: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case posted
    case pending

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
