import Foundation

/// Writes output files readable and writable by their owner only (mode 0600): rosters name residents, and a
/// resident's visits hint at sensitive categories.
public enum OwnerOnlyFile {
    /// The POSIX permissions every roster output gets.
    public static let permissions: Int = 0o600

    /// Replaces the file at `url` with `data`, created with mode 0600.
    /// - Throws: Foundation's file error naming the path when the file cannot be written.
    public static func write(_ data: Data, to url: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
        let attributes: [FileAttributeKey: Any] = [.posixPermissions: NSNumber(value: permissions)]
        guard manager.createFile(atPath: url.path, contents: data, attributes: attributes) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        // Set again: the mode asked at creation is filtered by the process's umask on some platforms.
        try manager.setAttributes(attributes, ofItemAtPath: url.path)
    }

    /// Writes UTF-8 text.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
