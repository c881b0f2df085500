import ArgumentParser

/// Scaffold: replaced by the module's owner.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(not yet available)")

    func run() throws {
        throw CommandFailure(.internalError, "wangge validate is not available yet")
    }
}
