import ArgumentParser

/// Scaffold: replaced by the module's owner.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "solve", abstract: "(not yet available)")

    func run() throws {
        throw CommandFailure(.internalError, "wangge solve is not available yet")
    }
}
