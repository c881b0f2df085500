import ArgumentParser
import Foundation
import GridData
import GridModel
import GridSynthesis

/// `wangge generate street`: one street of communities of 1,000–3,000 households.
struct GenerateStreetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "street",
        abstract: "Generates a realistic street folder; the same seed gives the same files."
    )

    @OptionGroup var generator: GeneratorOptions

    @Option(help: "Number of communities (default: about one per 2,000 households).")
    var communities: Int?

    @Option(
        name: .customLong("business-district"),
        help: "Office towers of one business district (商圈) added to the largest community (default: none).")
    var businessDistrict: Int?

    func validate() throws {
        if let businessDistrict, !(1...500).contains(businessDistrict) {
            throw ValidationError("--business-district \(businessDistrict): expected 1 to 500 towers")
        }
    }

    func run() throws {
        let started = Date()
        let street: Street
        do throws(GridSynthesisError) {
            street = try StreetGenerator(
                configuration: .init(
                    seed: generator.seed, households: generator.households ?? 20_000, communityCount: communities,
                    businessDistrictBuildings: businessDistrict)
            ).generate()
        } catch {
            throw CommandFailure.badInput("wangge generate street: \(error)")
        }
        let directory = URL(fileURLWithPath: generator.out)
        do {
            try StreetWriter.write(street, to: directory)
        } catch {
            throw CommandFailure.badInput(
                "wangge generate street: cannot write \(directory.path): \(CommandFailure.reason(error))")
        }
        try StandardOutput.write(
            GenerateSummary.describe(street, seconds: Date().timeIntervalSince(started), directory: directory))
    }
}
