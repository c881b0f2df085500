import ArgumentParser

/// `wangge generate`: synthetic street and city folders for demos, tests and benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract:
            "Generates a synthetic street or city folder (buildings, people, cared-for residents, a week of service "
            + "requests).",
        subcommands: [
            GenerateStreetCommand.self, GenerateCityCommand.self, GenerateRequestsCommand.self,
        ]
    )
}
