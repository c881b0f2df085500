import ArgumentParser

/// Scaffold: replaced by the module's owner.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "(not yet available)")

    func run() throws {
        throw CommandFailure(.internalError, "wangge generate is not available yet")
    }
}
