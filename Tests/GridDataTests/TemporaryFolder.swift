import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scratch folders and file facts for the output tests, read with plain libc so that they share no code with
/// the writers under test.
enum TemporaryFolder {
    /// A fresh empty folder under the system's temporary folder.
    static func make(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The permission bits of `url`, not following a final link; nil when it is missing.
    static func mode(_ url: URL) -> Int? {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return nil }
        return Int(status.st_mode & 0o7777)
    }

    /// Whether `url` is a link, a FIFO, a folder or a file, not following a final link.
    static func kind(_ url: URL) -> String {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return "missing" }
        switch status.st_mode & S_IFMT {
        case S_IFLNK: return "link"
        case S_IFIFO: return "fifo"
        case S_IFDIR: return "folder"
        case S_IFREG: return "file"
        default: return "other"
        }
    }

    /// The names in a folder, sorted (hidden ones included).
    static func names(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    /// Every file under `url` with its text, by relative path.
    static func contents(_ url: URL) -> [String: String] {
        var result: [String: String] = [:]
        for name in names(url) {
            let child = url.appendingPathComponent(name)
            if kind(child) == "folder" {
                for (inner, text) in contents(child) { result[name + "/" + inner] = text }
            } else {
                result[name] = (try? String(contentsOf: child, encoding: .utf8)) ?? "<unreadable>"
            }
        }
        return result
    }

    /// Runs `body` with the process umask set to `mask`, then puts the old one back.
    static func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
        let previous = umask(mask)
        defer { umask(previous) }
        return try body()
    }
}
