/// The domain of a variable.
public enum VariableKind: String, Sendable, Equatable, Hashable, Codable {
    /// Any real value within the bounds.
    case continuous
    /// Any integer value within the bounds (the bounds themselves must be integral or infinite).
    case integer
    /// 0 or 1; the bounds must lie in {0, 1} (e.g. [0, 1], or [1, 1] to fix it).
    case binary
}
