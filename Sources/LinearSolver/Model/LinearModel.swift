/// A linear or mixed-integer program as a plain value: variables, constraints and an objective sense.
///
/// Building a model never fails; ``validate()`` (called by every solve and export) checks it in full, so that
/// nothing GLPK would abort on can reach it.
public struct LinearModel: Sendable, Equatable, Codable {
    /// A name for exports.
    public var name: String
    /// Minimise or maximise.
    public var sense: ObjectiveSense
    /// The variables, addressed by ``VariableIndex``.
    public var variables: [LinearVariable]
    /// The constraints, in insertion order.
    public var constraints: [LinearConstraint]

    /// Creates an empty model.
    public init(name: String = "model", sense: ObjectiveSense = .minimize) {
        self.name = name
        self.sense = sense
        self.variables = []
        self.constraints = []
    }

    /// Adds a variable and returns its index.
    @discardableResult
    public mutating func addVariable(
        _ name: String,
        kind: VariableKind = .continuous,
        lower: Double = 0,
        upper: Double = .infinity,
        objective: Double = 0
    ) -> VariableIndex {
        variables.append(
            LinearVariable(name: name, kind: kind, lowerBound: lower, upperBound: upper, objective: objective)
        )
        return VariableIndex(variables.count - 1)
    }

    /// Adds a constraint `bounds.lower ≤ Σ terms ≤ bounds.upper`.
    public mutating func addConstraint(_ name: String, _ terms: [LinearTerm], _ bounds: ConstraintBounds) {
        constraints.append(LinearConstraint(name: name, terms: terms, bounds: bounds))
    }

    /// Whether any variable is integer or binary.
    public var hasIntegerVariables: Bool { variables.contains { $0.kind != .continuous } }

    /// The objective value of `values` (indexed by variable position).
    /// - Complexity: O(number of variables).
    public func objectiveValue(at values: [Double]) -> Double {
        var sum = 0.0
        for (index, variable) in variables.enumerated() where index < values.count {
            sum += variable.objective * values[index]
        }
        return sum
    }

    /// Whether `values` satisfies every bound, integrality and constraint within `tolerance` (absolute).
    /// - Complexity: O(number of variables + number of constraint terms).
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-6) -> Bool {
        guard values.count == variables.count else { return false }
        for (variable, value) in zip(variables, values) {
            guard value.isFinite,
                value >= variable.lowerBound - tolerance,
                value <= variable.upperBound + tolerance
            else { return false }
            if variable.kind != .continuous, abs(value - value.rounded()) > tolerance { return false }
        }
        for constraint in constraints {
            let activity = constraint.activity(at: values)
            let scale = max(1, abs(activity))
            if activity < constraint.bounds.lower - tolerance * scale { return false }
            if activity > constraint.bounds.upper + tolerance * scale { return false }
        }
        return true
    }
}
