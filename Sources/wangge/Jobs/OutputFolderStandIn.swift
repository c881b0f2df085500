import Foundation

// Stand-in for GridData's OutputFolder (being written on branch i10-safe); removed when that lands.
final class OutputFolder {
    enum Privacy: Sendable { case residentData, shareable }
    struct OutputError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }
    let target: URL
    let staging: URL

    init(target: URL, privacy: Privacy) throws(OutputError) {
        self.target = target
        staging = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch { throw OutputError(path: target.path, reason: CommandFailure.reason(error)) }
    }

    func url(_ name: String) -> URL { staging.appendingPathComponent(name) }

    func folder(_ name: String) throws(OutputError) -> URL {
        let url = staging.appendingPathComponent(name)
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw OutputError(path: url.path, reason: CommandFailure.reason(error))
        }
        return url
    }

    func write(_ name: String, _ data: Data) throws(OutputError) {
        do { try data.write(to: url(name)) } catch {
            throw OutputError(path: url(name).path, reason: CommandFailure.reason(error))
        }
    }

    func commit() throws(OutputError) {
        do {
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.moveItem(at: staging, to: target)
        } catch { throw OutputError(path: target.path, reason: CommandFailure.reason(error)) }
    }

    func abandon() { try? FileManager.default.removeItem(at: staging) }
}
