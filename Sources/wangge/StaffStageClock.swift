import Foundation

/// Seconds per stage of a staffing run, for run.json.
struct StaffStageClock {
    private var last = Date()
    private(set) var stages: [String: Double] = [:]

    mutating func lap(_ stage: String) {
        let now = Date()
        stages[stage] = (now.timeIntervalSince(last) * 1000).rounded() / 1000
        last = now
    }
}
