import ArgumentParser

/// `wangge rules`: check, show and explain the planning rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check, show and explain the planning rules (Rules/*.yaml).",
        subcommands: [RulesCheckCommand.self, RulesShowCommand.self, RulesExplainCommand.self]
    )
}
