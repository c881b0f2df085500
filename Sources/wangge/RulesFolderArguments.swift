import ArgumentParser
import GridRules

/// The rules a `wangge rules` subcommand reads: a folder as its argument and repeatable overlays.
struct RulesFolderArguments: ParsableArguments {
    @Argument(
        help: ArgumentHelp("Rules folder (default: ./Rules if present, else the built-in rules).", valueName: "dir"))
    var directory: String?

    @Option(name: .customLong("overlay"), help: ArgumentHelp("Overlay rule file; repeatable.", valueName: "file"))
    var overlays: [String] = []

    /// The merged rule set; bad rules exit 2 with every problem.
    func load() throws -> RuleSet { try RuleSetOptions.load(directory: directory, overlays: overlays) }
}
