import GridModel

/// A rule value together with the rule it comes from and the place it was written, so that every number a job
/// uses can be cited (`reason` columns) and traced (`rules show --effective`).
public struct Sourced<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// The rule that states it.
    public var ruleID: RuleID
    /// The file, line and column of the value (an overlay's, when an overlay set it).
    public var location: SourceLocation

    /// Creates a sourced value.
    public init(_ value: Value, ruleID: RuleID, location: SourceLocation) {
        self.value = value
        self.ruleID = ruleID
        self.location = location
    }

    /// The same provenance with a transformed value.
    public func map<Other: Sendable>(_ transform: (Value) -> Other) -> Sourced<Other> {
        Sourced<Other>(transform(value), ruleID: ruleID, location: location)
    }
}

extension Sourced: Equatable where Value: Equatable {}
extension Sourced: Hashable where Value: Hashable {}
