import Foundation

/// run.json of every job: what varies between runs of the same input, and nothing else.
public struct RunRecord: Encodable, Sendable {
    /// The host the run was made on.
    public struct Machine: Encodable, Sendable {
        public var host: String
        public var processors: Int
        public var operatingSystem: String

        /// The machine this process runs on.
        public static var current: Machine {
            let info = ProcessInfo.processInfo
            return Machine(
                host: info.hostName, processors: info.activeProcessorCount,
                operatingSystem: info.operatingSystemVersionString)
        }
    }

    public var job: JobName
    /// ISO 8601, UTC (`2026-12-06T07:40:00Z`).
    public var startedAt: String
    /// Seconds per stage, in the order run, and `total`.
    public var seconds: [String: Double]
    /// The stage names in the order they ran.
    public var stages: [String]
    public var machine: Machine
    /// Each time limit that fired, in order.
    public var clockEvents: [ClockEvent]

    /// A record of a run's stages; `total` is added.
    public init(
        job: JobName, startedAt: String, stages: [(name: String, seconds: Double)], machine: Machine,
        clockEvents: [ClockEvent]
    ) {
        self.job = job
        self.startedAt = startedAt
        var seconds: [String: Double] = [:]
        for stage in stages { seconds[stage.name] = Self.milliseconds(stage.seconds) }
        seconds["total"] = Self.milliseconds(stages.reduce(0) { $0 + $1.seconds })
        self.seconds = seconds
        self.stages = stages.map(\.name)
        self.machine = machine
        self.clockEvents = clockEvents
    }

    private static func milliseconds(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}

/// A time limit that fired: where, after how long, and what the job did about it.
public struct ClockEvent: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The stage or search that stopped (`grids C03`, `staffing cadres C01`, `roster group C02`).
    public var stage: String
    /// The limit that fired, in seconds.
    public var limitSeconds: Double
    /// What was kept (`best plan found so far`, `greedy start`).
    public var outcome: String

    /// A run's budget that cut a stage's solves to `seconds` each.
    public static func budgetCut(stage: String, seconds: Double) -> ClockEvent {
        ClockEvent(stage: stage, limitSeconds: seconds, outcome: Message.text("planning.clock.budget_cut"))
    }

    /// A search the run's budget stopped before its counted work was done; its best plan so far was kept.
    public static func searchCut(stage: String, seconds: Double) -> ClockEvent {
        ClockEvent(stage: stage, limitSeconds: seconds,
                   outcome: Message.text("planning.clock.search_cut"))
    }

    /// `stage: time limit of N s fired; outcome`.
    public var description: String {
        Message.text(
            "planning.clock.fired",
            ["stage": stage, "seconds": FindingLocation.number(limitSeconds), "outcome": outcome])
    }
}
