/// Why and where a partition misses a hard rule, and by how much (a plan is still returned: the nearest found).
public struct DistrictingDeviation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Which rule is missed.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A part holds less weight than the minimum.
        case belowMinimum = "below_minimum"
        /// A part holds more weight than the maximum.
        case aboveMaximum = "above_maximum"
        /// A part is not connected (only when the graph itself leaves no choice).
        case disconnected
        /// The number of parts cannot be met (more parts than nodes, fewer than components).
        case partCount = "part_count"
    }

    /// Which rule is missed.
    public var kind: Kind
    /// The part concerned (numbered from 0), if one.
    public var part: Int?
    /// The part's weight, or the count concerned.
    public var value: Int
    /// How far the value lies from what the rule allows.
    public var amount: Int
    /// A sentence for people: where, why, by how much.
    public var message: String

    /// A deviation of `kind` at `part`.
    public init(kind: Kind, part: Int?, value: Int, amount: Int, message: String) {
        self.kind = kind
        self.part = part
        self.value = value
        self.amount = amount
        self.message = message
    }

    public var description: String { message }
}
