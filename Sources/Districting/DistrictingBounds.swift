/// The weight (households, population) every part must hold: `min ... max`, both inclusive.
public struct DistrictingBounds: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The least weight of a part.
    public var min: Int
    /// The greatest weight of a part.
    public var max: Int

    /// Bounds `min ... max` (inclusive).
    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    /// Whether `weight` lies within the bounds.
    public func contains(_ weight: Int) -> Bool { weight >= min && weight <= max }

    /// How far `weight` lies outside the bounds (0 inside).
    public func violation(_ weight: Int) -> Int { Swift.max(0, min - weight, weight - max) }

    /// Whether a set of total weight `weight` can possibly be cut into `parts` parts within the bounds.
    public func admits(_ weight: Int, parts: Int) -> Bool {
        parts >= 1 && weight >= parts * min && weight <= parts * max
    }

    /// The fewest parts that `weight` can be cut into, or nil when no count works (e.g. 520 under 300–500).
    public func fewestParts(for weight: Int) -> Int? {
        guard max > 0 else { return nil }
        let least = Swift.max(1, (weight + max - 1) / max)
        guard min > 0 else { return least }
        return least <= weight / min ? least : nil
    }

    /// `min–max`.
    public var description: String { "\(min)–\(max)" }
}
