import Foundation

/// run.json of the grid job: what varies between runs (seconds per stage, start time, machine) and nothing else.
struct GridsRunRecord: Encodable {
    struct Machine: Encodable {
        var host: String
        var processors: Int
        var operatingSystem: String
    }

    var startedAt: String
    var stageSeconds: [String: Double]
    var stageOrder: [String]
    var totalSeconds: Double
    var machine: Machine

    init(started: Date, stages: [(name: String, seconds: Double)]) {
        startedAt = ISO8601DateFormatter().string(from: started)
        var seconds: [String: Double] = [:]
        for stage in stages { seconds[stage.name] = (stage.seconds * 1000).rounded() / 1000 }
        stageSeconds = seconds
        stageOrder = stages.map(\.name)
        totalSeconds = (stages.reduce(0) { $0 + $1.seconds } * 1000).rounded() / 1000
        let info = ProcessInfo.processInfo
        machine = Machine(
            host: info.hostName, processors: info.activeProcessorCount,
            operatingSystem: info.operatingSystemVersionString)
    }
}
