/// A half-open span of time `[start, end)` in absolute minutes (``GridModel/LocalDateTime/minutesSinceEpoch``).
public struct MinuteInterval: Hashable, Sendable, Codable, Comparable {
    /// The first minute inside.
    public var start: Int
    /// The first minute after.
    public var end: Int

    /// Creates `[start, end)`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Whether `[from, to)` lies inside this interval.
    public func contains(from: Int, to: Int) -> Bool { start <= from && to <= end }

    /// Orders by start, then end.
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}
