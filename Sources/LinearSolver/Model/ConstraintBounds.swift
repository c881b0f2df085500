/// The allowed range of a constraint's left-hand side.
public enum ConstraintBounds: Sendable, Equatable, Codable {
    /// `expression ≤ value`.
    case lessOrEqual(Double)
    /// `expression ≥ value`.
    case greaterOrEqual(Double)
    /// `expression = value`.
    case equal(Double)
    /// `lower ≤ expression ≤ upper`.
    case ranged(lower: Double, upper: Double)

    /// The lower limit, `-infinity` when there is none.
    public var lower: Double {
        switch self {
        case .lessOrEqual: return -.infinity
        case let .greaterOrEqual(value), let .equal(value): return value
        case let .ranged(lower, _): return lower
        }
    }

    /// The upper limit, `infinity` when there is none.
    public var upper: Double {
        switch self {
        case .greaterOrEqual: return .infinity
        case let .lessOrEqual(value), let .equal(value): return value
        case let .ranged(_, upper): return upper
        }
    }
}
