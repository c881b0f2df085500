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

    /// The seconds a solve of `stage` may take: its usual cap, or what is left of the run's budget when that is less
    /// (at least 0.1 s, so a solve still returns its start); a cut is recorded as a clock event.
    mutating func seconds(for stage: String, cap: Double, within deadline: Deadline) -> Double {
        let seconds = min(cap, max(0.1, deadline.remaining))
        if seconds < cap {
            record(.budgetCut(stage: stage, seconds: seconds))
        }
        return seconds
    }

    /// Seconds over all stages so far.
    var total: Double { stopwatch.total }

    /// run.json of the run so far.
    var record: RunRecord {
        RunRecord(
            job: job, startedAt: ISO8601DateFormatter().string(from: started), stages: stopwatch.stages,
            machine: .current, clockEvents: events)
    }
}
