/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// Smallest objective value wanted.
    case minimize = "min"
    /// Largest objective value wanted.
    case maximize = "max"
}
