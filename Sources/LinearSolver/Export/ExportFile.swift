import Foundation

/// Writing an exported model's text to a file, the one place an export can fail after the model is checked.
enum ExportFile {
    /// Writes `text` to `url` atomically as UTF-8.
    /// - Throws: ``LinearSolverError/exportFailed(path:reason:)`` when the file cannot be written.
    static func write(_ text: String, to url: URL) throws(LinearSolverError) {
        do {
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw .exportFailed(path: url.path, reason: error.localizedDescription)
        }
    }
}
