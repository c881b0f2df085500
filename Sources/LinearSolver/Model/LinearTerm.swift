/// A coefficient times a variable, one term of a linear expression.
public struct LinearTerm: Sendable, Equatable, Codable {
    /// The variable.
    public var variable: VariableIndex
    /// Its coefficient.
    public var coefficient: Double

    /// Creates the term `coefficient · variable`.
    public init(_ variable: VariableIndex, _ coefficient: Double) {
        self.variable = variable
        self.coefficient = coefficient
    }
}
