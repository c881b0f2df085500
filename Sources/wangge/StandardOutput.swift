import Foundation
import GridModel

/// Writes results to stdout unbuffered and reports a failed write (a full disk, a closed pipe), so that
/// `wangge rules show > /dev/full` exits non-zero instead of losing the output silently.
enum StandardOutput {
    /// Writes `text` and a newline.
    static func write(_ text: String) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
        } catch {
            throw CommandFailure.unwritable(Message.text("cli.context.standard_output"), error)
        }
    }
}
