import ArgumentParser
import Foundation
import GridModel
import GridRules
import PlanningSupport

/// The options every planning job shares (`grids draw`, `staff assign`, `roster`, `plan`): rules and overlays, the
/// seed, threads, the whole run's time budget and the output folder.
struct PlanningOptions: ParsableArguments {
    @OptionGroup var rules: RuleSetOptions

    @Option(help: "Seed of every random choice and tie-break.")
    var seed: UInt64 = 1

    @Option(help: "Communities planned at once.")
    var threads: Int = 2

    @Option(
        name: .customLong("time-limit"),
        help: ArgumentHelp(
            "Seconds the whole run may take; every solve gets what is left (default 3600; grid drawing without it: "
                + "45 s per 20,000 households).", valueName: "seconds"))
    var timeLimitGiven: Double?

    /// The run's budget in seconds: `--time-limit`, else the default.
    var timeLimit: Double { timeLimitGiven ?? Self.defaultTimeLimit }

    @Option(help: ArgumentHelp("The output folder (replaced whole when the run ends).", valueName: "dir"))
    var out: String

    /// Long enough for a city of 1.6 M households on two cores (measured in the README); a street takes seconds.
    static let defaultTimeLimit = 3600.0

    func validate() throws {
        guard threads >= 1 else {
            throw ValidationError(Message.text("cli.option.threads", ["value": "\(threads)"]))
        }
        if let timeLimitGiven, !(timeLimitGiven.isFinite && timeLimitGiven > 0) {
            throw ValidationError(Message.text("cli.option.time_limit_positive", ["value": "\(timeLimit)"]))
        }
    }

    /// The moment the run's budget ends, counted from now.
    func deadline() -> Deadline { Deadline(seconds: timeLimit) }
}
