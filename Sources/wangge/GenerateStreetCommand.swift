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

    @Option(help: "Seed of the generator (0…2^64-1).")
    var seed: UInt64 = 1

    @Option(help: "Total occupied households (at least 1000).")
    var households: Int = 20_000

    @Option(help: "Number of communities (default: about one per 2,000 households).")
    var communities: Int?

    @Option(help: "Folder to write (created if missing; its street files are replaced).")
    var out: String

    func run() throws {
        let started = Date()
        let generator = StreetGenerator(seed: seed, households: households, communityCount: communities)
        let street: Street
        do {
            street = try generator.generate()
        } catch let error as GridSynthesisError {
            throw CommandFailure.badInput("wangge generate street: \(error)")
        }
        let directory = URL(fileURLWithPath: out)
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
