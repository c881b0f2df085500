import ArgumentParser
import Foundation
import GridData
import GridModel
import GridSynthesis

/// `wangge generate city`: many streets in one folder, streamed to disk street by street.
struct GenerateCityCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "city",
        abstract: "Generates a city folder of many streets (a street_id column; ids unique across the city)."
    )

    @OptionGroup var generator: GeneratorOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let started = Date()
        let directory = URL(fileURLWithPath: generator.out)
        let summary: CityGenerator.Summary
        let week = try generator.requestWeek()
        let catalogue = try generator.serviceCatalogue()
        do throws(GridSynthesisError) {
            let households = generator.households ?? 1_600_000
            summary = try CityGenerator(seed: generator.seed, households: households).write(
                to: directory, requestWeek: week, catalogue: catalogue)
        } catch {
            throw CommandFailure.badInput(Message.text("cli.generate.failed", ["kind": "city", "error": "\(error)"]))
        }
        let seconds = Date().timeIntervalSince(started)
        try StandardOutput.write(
            Message.text("cli.generate.city_wrote", ["path": directory.path, "summary": "\(summary)"]))
        try StandardOutput.write(
            Message.text(
                "cli.generate.city_micro_grids",
                ["low": "\(summary.households / 50)", "high": "\(summary.households / 30)"]))
        try StandardOutput.write(GenerateSummary.timing(seconds: seconds, directory: directory))
    }
}
