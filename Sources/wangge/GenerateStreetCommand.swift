import ArgumentParser
import Foundation
import GridData
import GridModel
import GridSynthesis

/// `wangge generate street`: one street of communities of 1,000–3,000 households.
struct GenerateStreetCommand: ParsableCommand, LanguageChoosing {
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

    @Option(
        help: ArgumentHelp(
            "WGS84 latitude and longitude of x = 0, y = 0 (e.g. 31.2304,121.4737), written to street.yaml so that "
                + "grids.geojson is placed on the map (default: none, outputs in the street's own metres).",
            valueName: "lat,lon"))
    var origin: String?

    /// `--origin` as a point; nil when it is not given.
    func originPoint() throws -> GeodeticPoint? {
        guard let origin else { return nil }
        let parts = origin.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let latitude = parts[0], let longitude = parts[1], (-90...90).contains(latitude),
            (-180...180).contains(longitude)
        else {
            throw ValidationError(Message.text("cli.option.origin", ["value": origin]))
        }
        return GeodeticPoint(latitude: latitude, longitude: longitude)
    }

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        _ = try originPoint()
        if let businessDistrict, !(1...500).contains(businessDistrict) {
            throw ValidationError(Message.text("cli.option.business_district", ["value": "\(businessDistrict)"]))
        }
    }

    func run() throws {
        let started = Date()
        let week = try generator.requestWeek()
        let catalogue = try generator.serviceCatalogue()
        var street: Street
        do throws(GridSynthesisError) {
            street = try StreetGenerator(
                configuration: .init(
                    seed: generator.seed, households: generator.households ?? 20_000, communityCount: communities,
                    businessDistrictBuildings: businessDistrict)
            ).generate()
        } catch {
            throw CommandFailure.badInput(Message.text("cli.generate.failed", ["kind": "street", "error": "\(error)"]))
        }
        if let origin = try originPoint() {
            street.projection = GeodeticProjection(
                referenceLatitude: origin.latitude, referenceLongitude: origin.longitude)
        }
        let directory = URL(fileURLWithPath: generator.out)
        let requests = RequestGenerator(week: week, seed: generator.seed, catalogue: catalogue).generate(for: street)
        do {
            try StreetWriter.write(street, to: directory)
            try RequestTableWriter.write(requests, to: directory)
        } catch {
            throw CommandFailure.badInput(
                Message.text(
                    "cli.generate.cannot_write", ["path": directory.path, "reason": CommandFailure.reason(error)]))
        }
        try StandardOutput.write(
            GenerateSummary.describe(
                street, requests: requests, catalogue: catalogue, seconds: Date().timeIntervalSince(started), directory: directory))
    }
}
