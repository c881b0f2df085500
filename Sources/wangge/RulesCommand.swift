import ArgumentParser

/// Scaffold: replaced by the module's owner.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "(not yet available)")

    func run() throws {
        throw CommandFailure(.internalError, "wangge rules is not available yet")
    }
}
