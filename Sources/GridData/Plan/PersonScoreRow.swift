import GridModel

/// Optional `ability` and `enthusiasm` columns of people.csv (extra columns the spec allows), per person.
public struct PersonScoreRow: Hashable, Sendable {
    public var personID: PersonID
    public var ability: Double?
    public var enthusiasm: Double?
}
