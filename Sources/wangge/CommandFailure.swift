/// A failure a command reports to the user: a message for stderr and the exit status to end with.
struct CommandFailure: Error, CustomStringConvertible {
    let status: ExitStatus
    let message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// Bad input: the message names the file, line, column and what was expected.
    static func badInput(_ message: String) -> CommandFailure { CommandFailure(.badInput, message) }

    var description: String { message }
}
