/// Optional soft scores of a person for leader posts ("有能力、有热情"), read from extra people.csv columns.
public struct PersonScores: Hashable, Sendable, Codable {
    /// Ability score, any non-negative scale (normalised by the street's maximum).
    public var ability: Double?
    /// Enthusiasm score, any non-negative scale (normalised by the street's maximum).
    public var enthusiasm: Double?

    /// Creates scores; absent scores count as zero.
    public init(ability: Double? = nil, enthusiasm: Double? = nil) {
        self.ability = ability
        self.enthusiasm = enthusiasm
    }
}
