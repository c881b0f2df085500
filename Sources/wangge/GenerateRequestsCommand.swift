import ArgumentParser
import Foundation
import GridData
import GridModel
import GridSynthesis

/// `wangge generate requests STREET_DIR`: a seeded week of service orders for an existing street folder, written as
/// its requests.csv (or into `--out`), leaving every other file alone. This is how `Scenarios/sample-street`, made
/// by an earlier generator, got its requests.
struct GenerateRequestsCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Writes a seeded week of service requests (requests.csv) for a street folder; same seed, same file."
    )

    @Argument(help: "The street folder (communities.csv, buildings.csv, residents.csv are read).")
    var street: String

    @Option(help: "Seed of the requests (0…2^64-1).")
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "The ISO week of the requests, such as 2026-W48, or a date inside it (default: 2026-W48).",
            valueName: "week"))
    var week: String?

    @OptionGroup var rules: RuleSetOptions

    @Option(help: "Folder to write requests.csv into (default: the street folder).")
    var out: String?

    @OptionGroup var languageOption: LanguageOption

    /// What the requests are drawn from: the layout and the cared-for residents, nothing else.
    static let needs = StreetNeeds(
        job: "generate requests", read: [.communities, .buildings, .residents], required: [.residents])

    func run() throws {
        let started = Date()
        let requestWeek = try week.map(PlanDateOptions.parseWeek) ?? RequestGenerator.defaultWeek
        let catalogue = try rules.load().matching.serviceCatalogue
        let loaded = try StreetInput.load(street, needs: Self.needs)
        let requests = RequestGenerator(week: requestWeek, seed: seed, catalogue: catalogue).generate(for: loaded)
        let directory = URL(fileURLWithPath: out ?? street)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try RequestTableWriter.write(requests, to: directory)
        } catch {
            throw CommandFailure.badInput(
                Message.text(
                    "synthesis.generate.cannot_write_requests",
                    ["path": directory.path, "reason": CommandFailure.reason(error)]))
        }
        try StandardOutput.write(GenerateSummary.describe(requests, catalogue: catalogue))
        try StandardOutput.write(
            GenerateSummary.timing(seconds: Date().timeIntervalSince(started), directory: directory))
    }
}
