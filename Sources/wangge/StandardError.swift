import Foundation

/// Writes diagnostics to stderr, one line each; results go to stdout or files.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
    }
}
