import GridModel

/// Whether a rule must hold (hard) or is a preference with a weight in the objective (soft).
public enum RuleKind: Hashable, Sendable, CustomStringConvertible {
    /// Must hold; a job that cannot meet it reports a shortfall citing the rule.
    case hard
    /// A preference; the weight scales its term in the objective.
    case soft(weight: Double)

    /// The weight of a soft rule, nil for a hard one.
    public var weight: Double? {
        if case .soft(let weight) = self { return weight }
        return nil
    }

    /// `hard` or `soft (weight 5)` in the command's language (硬性, 柔性（权重 5）).
    public var description: String {
        switch self {
        case .hard: return Message.text("rules.kind.hard")
        case .soft(let weight): return Message.text("rules.kind.soft", ["weight": RuleKind.format(weight)])
        }
    }

    /// A number without a needless `.0`.
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
