/// A band of whole floors of a stairwell unit (`1-9`), used only when a unit alone exceeds the micro-grid maximum.
public struct FloorBand: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let lowest: Int
    public let highest: Int

    public init?(lowest: Int, highest: Int) {
        guard lowest >= 1, highest >= lowest else { return nil }
        self.lowest = lowest
        self.highest = highest
    }

    /// Parses `3-9` or a single floor `4`.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 1, let floor = Int(parts[0]) {
            self.init(lowest: floor, highest: floor)
        } else if parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) {
            self.init(lowest: low, highest: high)
        } else {
            return nil
        }
    }

    public var floorCount: Int { highest - lowest + 1 }
    public var description: String { "\(lowest)-\(highest)" }
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.lowest, lhs.highest) < (rhs.lowest, rhs.highest) }
}
