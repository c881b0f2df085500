import Foundation
import GridModel

/// A whole output folder, written beside its target and swapped in at the end: a reader of the target, and a run
/// killed at any moment, sees either the previous folder whole or the new one whole, never a mix.
///
/// ```swift
/// let output = try OutputFolder(target: folder, privacy: .residentData)
/// do {
///     try output.write("roster.csv", text: csv)
///     let writer = try CSVWriter(url: output.url("grids/grids.csv"), header: header, privacy: .residentData)
///     ...
///     try output.commit()
/// } catch {
///     output.abandon()
///     throw error
/// }
/// ```
///
/// For a target `PARENT/NAME`, files are written into `PARENT/.NAME.partial-PID-RANDOM` (see ``StagingName``),
/// created with O_CREAT | O_EXCL | O_NOFOLLOW and the privacy's mode from the first instant, so that even under
/// `umask 000` no other user can read resident data at any moment, and nothing is ever written through a link.
/// ``commit()`` flushes every file to disk, then exchanges the staging folder and the target in one atomic step
/// (Linux `renameat2(RENAME_EXCHANGE)`) and removes the previous folder.
///
/// Where the exchange is not available (macOS, some file systems) the swap is two renames: the target becomes
/// `.NAME.old-PID-RANDOM`, then the staging folder becomes the target. Between those two renames the target's name
/// is briefly missing; a run killed exactly there leaves the previous folder whole under its `.old-` name, and the
/// next ``init(target:privacy:)`` for the same target puts it back before starting. Leftovers of killed runs
/// (`.NAME.partial-*`, `.NAME.old-*` whose process is gone) are removed by that same init.
///
/// One run writes a target at a time; a second run on the same target finishes last and wins. The class is not
/// `Sendable`: write from one thread.
public final class OutputFolder {
    /// Where the folder ends up.
    public let target: URL
    /// Who may read it.
    public let privacy: Privacy
    /// The folder being written, beside the target; gone after ``commit()`` or ``abandon()``.
    public let staging: URL

    private enum State {
        case writing
        case committed
        case abandoned
    }

    private var state = State.writing

    /// Starts a new version of the folder at `target`: recovers or clears what an interrupted run left, creates
    /// missing parent folders and a fresh, empty staging folder beside the target.
    /// - Throws: ``OutputError`` when the target is a link or not a folder, or a folder cannot be created.
    public init(target: URL, privacy: Privacy) throws(OutputError) {
        let target = target.standardizedFileURL
        let path = target.path
        switch try PlatformFiles.kind(of: path) {
        case .missing, .directory:
            break
        case .symbolicLink:
            throw OutputError(path: path, reason: Message.text("data.output.folder_symlink"))
        default:
            throw OutputError(path: path, reason: Message.text("data.output.not_a_folder"))
        }
        let name = target.lastPathComponent
        let parent = PlatformFiles.parentPath(of: path)
        try PlatformFiles.makeDirectories(parent, mode: privacy.folderMode)
        try StagingName.recover(name, in: parent)
        let staging = parent + "/" + StagingName.make(name, .partial)
        try PlatformFiles.makeDirectory(staging, mode: privacy.folderMode)
        self.target = target
        self.privacy = privacy
        self.staging = URL(fileURLWithPath: staging, isDirectory: true)
    }

    /// The staging path of a file, for writers that stream (a ``CSVWriter``); `name` is `file`, `folder/file` or
    /// `folder/subfolder/file` (a job's part and a folder inside it, `roster/calendars/P1.ics`).
    /// The folders of a name must exist: see ``folder(_:)``.
    public func url(_ name: String) -> URL {
        precondition(Self.isValid(name), "OutputFolder: \(name) is not a file name or folder/file")
        precondition(state == .writing, "OutputFolder: \(name) written after commit or abandon")
        return staging.appendingPathComponent(name)
    }

    /// Creates (or finds) the subfolder `name` (`folder` or `folder/subfolder`) of the staging folder, and its
    /// parent, with the privacy's mode.
    public func folder(_ name: String) throws(OutputError) -> URL {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        precondition(Self.isValid(name) && parts.count <= 2, "OutputFolder: \(name) is not a folder name")
        var path = ""
        for part in parts {
            path += (path.isEmpty ? "" : "/") + part
            try PlatformFiles.makeDirectory(url(path).path, mode: privacy.folderMode)
        }
        return url(name)
    }

    /// Writes a new file `name` (`file`, `folder/file` or `folder/subfolder/file`, the folders created if missing)
    /// holding `data`.
    /// - Throws: ``OutputError`` when the file cannot be created or written, or already exists.
    public func write(_ name: String, _ data: Data) throws(OutputError) {
        try write(name, bytes: [UInt8](data))
    }

    /// Writes a new UTF-8 text file `name`.
    public func write(_ name: String, text: String) throws(OutputError) {
        try write(name, bytes: Array(text.utf8))
    }

    private func write(_ name: String, bytes: [UInt8]) throws(OutputError) {
        if let slash = name.lastIndex(of: "/") { _ = try folder(String(name[..<slash])) }
        try PlatformFiles.writeNewFile(url(name).path, bytes, mode: privacy.fileMode, durable: false)
    }

    /// Flushes every file to disk and puts the new folder in the target's place, removing the previous one.
    ///
    /// Every writer into the staging folder must be closed first. After a thrown error the target is still the
    /// previous folder (or missing, if there was none); call ``abandon()``.
    public func commit() throws(OutputError) {
        precondition(state == .writing, "OutputFolder: commit after commit or abandon")
        let path = target.path
        let parent = PlatformFiles.parentPath(of: path)
        try PlatformFiles.syncTree(staging.path)
        try FaultInjection.step("swap", path: path)
        switch try PlatformFiles.kind(of: path) {
        case .missing:
            try PlatformFiles.rename(staging.path, to: path)
            state = .committed
            try PlatformFiles.syncDirectory(parent)
        case .directory:
            let previous: String
            if try PlatformFiles.exchange(staging.path, path) {
                previous = staging.path
            } else {
                previous = parent + "/" + StagingName.make(target.lastPathComponent, .old)
                try PlatformFiles.rename(path, to: previous)
                do {
                    try PlatformFiles.rename(staging.path, to: path)
                } catch {
                    try? PlatformFiles.rename(previous, to: path)
                    throw error
                }
            }
            state = .committed
            try PlatformFiles.syncDirectory(parent)
            try FaultInjection.step("cleanup", path: previous)
            // The new folder is in place: a previous one that cannot be removed is a leftover for the next run.
            try? PlatformFiles.remove(previous)
        case .symbolicLink:
            throw OutputError(path: path, reason: Message.text("data.output.became_symlink"))
        default:
            throw OutputError(path: path, reason: Message.text("data.output.not_a_folder"))
        }
    }

    /// Removes the staging folder; the target is left as it was. Does nothing after ``commit()``.
    public func abandon() {
        guard state == .writing else { return }
        state = .abandoned
        try? PlatformFiles.remove(staging.path)
    }

    /// `file`, `folder/file` or `folder/subfolder/file`: one to three plain components.
    static func isValid(_ name: String) -> Bool {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        return (1...3).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
