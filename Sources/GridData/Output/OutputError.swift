/// A file or folder that could not be written: the path and the reason in plain words ("Permission denied").
///
/// The command-line tool prints it as `unwritable output: PATH: REASON` and exits with code 2.
public struct OutputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file or folder concerned, as a path.
    public let path: String
    /// Why it could not be written: the system's words for the error (`strerror`), or what was refused.
    public let reason: String

    /// `PATH: REASON`.
    public var description: String { "\(path): \(reason)" }
}
