/// One decision variable: a name, a kind, bounds and an objective coefficient.
public struct LinearVariable: Sendable, Equatable, Codable {
    /// A name for reports and exports (sanitised on export; may be empty, then a generic name is used).
    public var name: String
    /// Continuous, integer or binary.
    public var kind: VariableKind
    /// The lower bound; `-Double.infinity` for none.
    public var lowerBound: Double
    /// The upper bound; `Double.infinity` for none.
    public var upperBound: Double
    /// The coefficient in the objective.
    public var objective: Double

    /// Creates a variable; binary variables default to bounds [0, 1].
    public init(
        name: String,
        kind: VariableKind = .continuous,
        lowerBound: Double = 0,
        upperBound: Double = .infinity,
        objective: Double = 0
    ) {
        self.name = name
        self.kind = kind
        self.lowerBound = lowerBound
        self.upperBound = kind == .binary && upperBound == .infinity ? 1 : upperBound
        self.objective = objective
    }
}
