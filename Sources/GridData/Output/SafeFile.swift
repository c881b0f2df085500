import Foundation
import GridModel

/// Writes one output file atomically: a new file beside it, flushed to disk, renamed over the target.
///
/// The target is replaced only when it is missing or a regular file. A symbolic link, a named pipe (FIFO), a device,
/// a socket or a folder at the target is refused with an error and left untouched: nothing is written through it
/// and it is not replaced. A reader sees the old file or the new one, whole; a run killed mid-write leaves a hidden
/// `.NAME.partial-PID-RANDOM` beside it (see ``StagingName``), removed by the next write of the same file.
public enum SafeFile {
    /// Replaces the file at `url` with `data`, created with the privacy's mode (0600 or 0644) from the start.
    /// Missing parent folders are created.
    /// - Throws: ``OutputError`` naming the path and the reason.
    public static func write(_ data: Data, to url: URL, privacy: OutputFolder.Privacy) throws(OutputError) {
        try write(bytes: [UInt8](data), to: url, privacy: privacy)
    }

    /// Replaces the file at `url` with UTF-8 `text`.
    public static func write(_ text: String, to url: URL, privacy: OutputFolder.Privacy) throws(OutputError) {
        try write(bytes: Array(text.utf8), to: url, privacy: privacy)
    }

    private static func write(bytes: [UInt8], to url: URL, privacy: OutputFolder.Privacy) throws(OutputError) {
        let path = url.standardizedFileURL.path
        try refuseUnlessReplaceable(path)
        let parent = PlatformFiles.parentPath(of: path)
        let name = url.lastPathComponent
        try PlatformFiles.makeDirectories(parent, mode: privacy.folderMode)
        try StagingName.recover(name, in: parent)
        let temporary = parent + "/" + StagingName.make(name, .partial)
        do {
            try PlatformFiles.writeNewFile(temporary, bytes, mode: privacy.fileMode, durable: true)
            try PlatformFiles.rename(temporary, to: path)
        } catch {
            try? PlatformFiles.remove(temporary)
            throw error
        }
        try PlatformFiles.syncDirectory(parent)
    }

    /// Throws unless `path` is missing or a regular file.
    static func refuseUnlessReplaceable(_ path: String) throws(OutputError) {
        switch try PlatformFiles.kind(of: path) {
        case .missing, .regularFile:
            return
        case .symbolicLink:
            throw OutputError(path: path, reason: Message.text("data.output.file_symlink"))
        case .fifo:
            throw OutputError(path: path, reason: Message.text("data.output.fifo"))
        case .directory:
            throw OutputError(path: path, reason: Message.text("data.output.is_folder"))
        case .other:
            throw OutputError(path: path, reason: Message.text("data.output.device"))
        }
    }
}
