/// An unordered pair of node indices, stored with the smaller index first so that a pair has one spelling.
public struct IndexPair: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The smaller index.
    public let first: Int
    /// The larger index.
    public let second: Int

    /// The pair of `a` and `b` in either order.
    public init(_ a: Int, _ b: Int) {
        first = min(a, b)
        second = max(a, b)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.first != rhs.first ? lhs.first < rhs.first : lhs.second < rhs.second
    }

    /// `first-second`.
    public var description: String { "\(first)-\(second)" }
}
