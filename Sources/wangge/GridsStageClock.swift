import Foundation

/// Seconds spent per stage of a job, for run.json.
struct GridsStageClock {
    private var last = DispatchTime.now()
    private(set) var stages: [(name: String, seconds: Double)] = []

    /// Ends the current stage under `name` and starts the next.
    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        stages.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    /// Seconds over all stages.
    var total: Double { stages.reduce(0) { $0 + $1.seconds } }
}
