/// A named linear constraint: a sum of terms kept within bounds.
public struct LinearConstraint: Sendable, Equatable, Codable {
    /// A name for reports and exports (sanitised on export; may be empty, then a generic name is used).
    public var name: String
    /// The terms of the left-hand side; repeated variables are summed.
    public var terms: [LinearTerm]
    /// The allowed range of the left-hand side.
    public var bounds: ConstraintBounds

    /// Creates a constraint.
    public init(name: String, terms: [LinearTerm], bounds: ConstraintBounds) {
        self.name = name
        self.terms = terms
        self.bounds = bounds
    }

    /// The left-hand side evaluated at `values` (indexed by variable position).
    /// - Complexity: O(number of terms).
    public func activity(at values: [Double]) -> Double {
        var sum = 0.0
        for term in terms where values.indices.contains(term.variable.rawValue) {
            sum += term.coefficient * values[term.variable.rawValue]
        }
        return sum
    }
}
