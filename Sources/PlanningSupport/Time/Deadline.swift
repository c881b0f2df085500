import Foundation

/// A wall-clock instant after which a search stops and returns its best.
public struct Deadline: Sendable {
    /// When the search must stop.
    public let instant: Date

    /// A deadline `seconds` after `start`.
    public init(seconds: Double, from start: Date = Date()) {
        instant = start.addingTimeInterval(seconds)
    }

    /// Whether the instant has come.
    public var passed: Bool { Date() >= instant }
    /// Seconds left (negative once passed).
    public var remaining: Double { instant.timeIntervalSinceNow }
}
