import Foundation

/// A wall-clock instant after which a search stops and returns its best.
struct Deadline: Sendable {
    let instant: Date

    init(seconds: Double, from start: Date = Date()) {
        instant = start.addingTimeInterval(seconds)
    }

    var passed: Bool { Date() >= instant }
    var remaining: Double { instant.timeIntervalSinceNow }
}
