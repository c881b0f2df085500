import GridModel

/// Optional `ability` and `enthusiasm` columns of people.csv (extra columns the spec allows), per person.
public struct PersonScoreRow: Hashable, Sendable {
    /// The person.
    public var personID: PersonID
    /// The `ability` cell, when filled.
    public var ability: Double?
    /// The `enthusiasm` cell, when filled.
    public var enthusiasm: Double?
}
