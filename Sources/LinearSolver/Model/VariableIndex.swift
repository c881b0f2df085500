/// The position of a variable in its ``LinearModel``, as returned by ``LinearModel/addVariable(_:kind:lower:upper:objective:)``.
public struct VariableIndex: RawRepresentable, Sendable, Equatable, Hashable, Comparable, Codable,
    CustomStringConvertible
{
    /// The zero-based position in ``LinearModel/variables``.
    public let rawValue: Int

    /// Wraps a zero-based position; it is checked against the model only when the model is validated.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Wraps a zero-based position.
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// Orders by position.
    public static func < (lhs: VariableIndex, rhs: VariableIndex) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The position as text.
    public var description: String { "#\(rawValue)" }
}
