import Foundation
import GridModel
import PlanningSupport

/// The clock of one job run: seconds per stage and the time limits that fired, for run.json. Nothing it measures
/// reaches kpis.json or any plan file, so two runs at different times write the same plan.
struct JobClock {
    let job: JobName
    private let started = Date()
    private var stopwatch = Stopwatch()
    private(set) var events: [ClockEvent] = []

    init(job: JobName) { self.job = job }

    /// Ends the current stage under `name` and starts the next.
    mutating func lap(_ name: String) { stopwatch.lap(name) }

    /// Records a time limit that fired.
    mutating func record(_ event: ClockEvent) { events.append(event) }

    /// Seconds over all stages so far.
    var total: Double { stopwatch.total }

    /// run.json of the run so far.
    var record: RunRecord {
        let info = ProcessInfo.processInfo
        let formatter = ISO8601DateFormatter()
        return RunRecord(
            job: job, startedAt: formatter.string(from: started), stages: stopwatch.stages,
            machine: RunRecord.Machine(
                host: info.hostName, processors: info.activeProcessorCount,
                operatingSystem: info.operatingSystemVersionString),
            clockEvents: events)
    }
}
