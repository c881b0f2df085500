import Foundation

/// Seconds spent per stage of a run, for run.json: each lap ends the current stage and starts the next.
public struct Stopwatch: Sendable {
    private var last = DispatchTime.now()
    /// The stages ended so far, in order.
    public private(set) var stages: [(name: String, seconds: Double)] = []

    /// Starts timing now.
    public init() {}

    /// Ends the current stage under `name` and starts the next.
    public mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        stages.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    /// Seconds over all stages.
    public var total: Double { stages.reduce(0) { $0 + $1.seconds } }
}
