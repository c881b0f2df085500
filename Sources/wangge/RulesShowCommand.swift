import ArgumentParser

/// `wangge rules show [DIR] [--overlay FILE]... [--effective]`: the merged rule set, with provenance on request.
struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the merged rule set; --effective adds the file:line:column every value came from."
    )

    @Argument(
        help: ArgumentHelp("Rules folder (default: ./Rules if present, else the built-in rules).", valueName: "dir"))
    var directory: String?

    @Option(name: .customLong("overlay"), help: ArgumentHelp("Overlay rule file; repeatable.", valueName: "file"))
    var overlays: [String] = []

    @Flag(help: "Show where every value came from.")
    var effective = false

    func run() throws {
        let ruleSet = try RuleSetOptions.load(directory: directory, overlays: overlays)
        try StandardOutput.write(ruleSet.rendered(effective: effective))
    }
}
