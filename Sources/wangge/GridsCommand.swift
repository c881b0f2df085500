import ArgumentParser

/// `wangge grids …`: the grid job.
struct GridsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grids",
        abstract: "Draw grids and micro-grids for a street.",
        subcommands: [GridsDrawCommand.self]
    )
}
