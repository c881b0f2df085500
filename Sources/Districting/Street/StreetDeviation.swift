import GridModel

/// A hard rule a street plan misses: which rule, where, and by how much.
public struct StreetDeviation: Sendable, Hashable, CustomStringConvertible {
    /// The rule missed.
    public enum Rule: String, Sendable, Hashable {
        /// A grid's households outside the grid bounds.
        case gridHouseholds = "grid_households"
        /// A micro-grid's households outside the micro-grid bounds.
        case microGridHouseholds = "micro_grid_households"
        /// A floor band of a stairwell unit still exceeds the micro-grid maximum (one floor holds too many).
        case unitTooLarge = "unit_too_large"
    }

    /// The rule missed.
    public var rule: Rule
    /// The community concerned.
    public var communityID: CommunityID
    /// The grid or micro-grid concerned (as text), if one.
    public var place: String
    /// The households concerned.
    public var value: Int
    /// How far `value` lies outside what the rule allows.
    public var amount: Int
    /// A sentence for people.
    public var message: String

    public var description: String { message }
}
