import ArgumentParser

/// `wangge solve …`: solves benchmark optimisation problems with the engine's solver, to check it against published
/// optima.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solves benchmark problems (OR-Library GAP files) with the engine's solver.",
        subcommands: [SolveGAPCommand.self]
    )
}
