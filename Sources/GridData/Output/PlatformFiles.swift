import Foundation
import GridModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls every output goes through, each turning a C failure into an ``OutputError`` that names the
/// path and says what went wrong in the system's own words.
///
/// Nothing here follows a symbolic link at the last component of a path: files are created with
/// `O_CREAT | O_EXCL | O_NOFOLLOW` and the mode they keep, kinds are read with `lstat`, and removal unlinks a link
/// rather than what it points to. Linux specifics (the atomic exchange of two names) are grouped at the end.
enum PlatformFiles {
    /// What a path names, without following a final symbolic link.
    enum Kind: Equatable {
        case missing
        case directory
        case regularFile
        case symbolicLink
        case fifo
        /// A device, a socket or anything else that is not a plain file or folder.
        case other
    }

    /// The error for the current `errno` at `path`.
    static func failure(_ path: String, _ code: Int32 = errno) -> OutputError {
        OutputError(path: path, reason: String(cString: strerror(code)))
    }

    static func kind(of path: String) throws(OutputError) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return .missing }
            throw failure(path)
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        case S_IFLNK: return .symbolicLink
        case S_IFIFO: return .fifo
        default: return .other
        }
    }

    /// The last modification time in seconds since 1970, without following a final link.
    static func modified(_ path: String) throws(OutputError) -> Double {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw failure(path) }
        #if canImport(Darwin)
        let time = status.st_mtimespec
        #else
        let time = status.st_mtim
        #endif
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The permission bits (`0o600`), without following a final link.
    static func permissions(_ path: String) throws(OutputError) -> Int {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw failure(path) }
        return Int(status.st_mode & 0o7777)
    }

    /// Creates a new file with `mode` and returns its open descriptor; fails if anything exists at `path`.
    ///
    /// Every file an output writes is created here, so this is also where a fault-injection step is counted.
    static func createFile(_ path: String, mode: UInt32) throws(OutputError) -> Int32 {
        try FaultInjection.step("create", path: path)
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        let descriptor = retryingInterrupts { open(path, flags, mode_t(mode)) }
        guard descriptor >= 0 else { throw failure(path) }
        return descriptor
    }

    /// Writes every byte (a short write is continued, an interrupted one retried).
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(OutputError) {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = retryingInterrupts { cWrite(descriptor, base, remaining) }
            guard written > 0 else { throw failure(path, written == 0 ? EIO : errno) }
            base += written
            remaining -= written
        }
    }

    /// Writes `bytes` into a new file with `mode`, flushed to disk when `durable`, and closes it.
    static func writeNewFile(_ path: String, _ bytes: [UInt8], mode: UInt32, durable: Bool) throws(OutputError) {
        let descriptor = try createFile(path, mode: mode)
        do throws(OutputError) {
            try bytes.withUnsafeBufferPointer { (buffer) throws(OutputError) in
                try writeAll(descriptor, UnsafeRawBufferPointer(buffer), path: path)
            }
            if durable { try sync(descriptor, path: path) }
        } catch {
            _ = cClose(descriptor)
            throw error
        }
        try close(descriptor, path: path)
    }

    static func sync(_ descriptor: Int32, path: String) throws(OutputError) {
        guard retryingInterrupts({ fsync(descriptor) }) == 0 else { throw failure(path) }
    }

    static func close(_ descriptor: Int32, path: String) throws(OutputError) {
        // Not retried on EINTR: on Linux the descriptor is gone either way.
        guard cClose(descriptor) == 0 else { throw failure(path) }
    }

    /// Flushes a folder's entries (names created, renamed or removed in it) to disk.
    static func syncDirectory(_ path: String) throws(OutputError) {
        let descriptor = retryingInterrupts { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw failure(path) }
        defer { _ = cClose(descriptor) }
        try sync(descriptor, path: path)
    }

    /// Flushes every file and folder under `path` (itself included) to disk; links are not followed.
    /// - Complexity: O(entries), one `fsync` each.
    static func syncTree(_ path: String) throws(OutputError) {
        switch try kind(of: path) {
        case .directory:
            for entry in try entries(of: path) { try syncTree(path + "/" + entry) }
            try syncDirectory(path)
        case .regularFile:
            let descriptor = retryingInterrupts { open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
            guard descriptor >= 0 else { throw failure(path) }
            defer { _ = cClose(descriptor) }
            try sync(descriptor, path: path)
        default:
            return
        }
    }

    /// Creates a folder with `mode`; an existing folder (not a link to one) is fine.
    static func makeDirectory(_ path: String, mode: UInt32) throws(OutputError) {
        guard mkdir(path, mode_t(mode)) != 0 else { return }
        let code = errno
        guard code == EEXIST, try kind(of: path) == .directory else {
            throw code == EEXIST
                ? OutputError(path: path, reason: Message.text("data.output.not_a_folder")) : failure(path, code)
        }
    }

    /// Creates `path` and any missing folder above it with `mode`; existing folders above may be links.
    static func makeDirectories(_ path: String, mode: UInt32) throws(OutputError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw OutputError(path: path, reason: Message.text("data.output.not_a_folder"))
            }
            return
        }
        let parent = parentPath(of: path)
        if parent != path { try makeDirectories(parent, mode: mode) }
        try makeDirectory(path, mode: mode)
    }

    /// The folder holding `path` (`/` for a top-level name).
    static func parentPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The names in a folder, `.` and `..` excepted, in no particular order.
    static func entries(of path: String) throws(OutputError) -> [String] {
        guard let directory = opendir(path) else { throw failure(path) }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw failure(path) }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    /// Renames `source` to `destination`, replacing a file or an empty folder there (rename(2)).
    static func rename(_ source: String, to destination: String) throws(OutputError) {
        guard cRename(source, destination) == 0 else { throw failure(destination) }
    }

    /// Removes a file, a link (not what it points to) or a whole folder; a missing path is fine.
    /// - Complexity: O(entries under `path`).
    static func remove(_ path: String) throws(OutputError) {
        switch try kind(of: path) {
        case .missing:
            return
        case .directory:
            for entry in try entries(of: path) { try remove(path + "/" + entry) }
            guard rmdir(path) == 0 || errno == ENOENT else { throw failure(path) }
        default:
            guard unlink(path) == 0 || errno == ENOENT else { throw failure(path) }
        }
    }

    /// This process's id.
    static var processID: Int32 { ProcessInfo.processInfo.processIdentifier }

    /// Whether process `pid` exists: signal 0 checks without sending anything; EPERM means it runs as another user.
    static func isRunning(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

    /// Ends this process at once with SIGKILL, as a power cut or `kill -9` would: nothing runs after it.
    static func killImmediately() { kill(processID, SIGKILL) }

    private static func retryingInterrupts<Result: BinaryInteger>(_ call: () -> Result) -> Result {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}

// The C functions whose Swift names are taken by methods above.
private func cWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func cClose(_ descriptor: Int32) -> Int32 { close(descriptor) }

private func cRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }

// MARK: - Linux: exchanging two names atomically

extension PlatformFiles {
    /// Swaps the names `first` and `second` in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`); false when
    /// the system or file system cannot, so that the caller falls back to two renames.
    static func exchange(_ first: String, _ second: String) throws(OutputError) -> Bool {
        #if os(Linux)
        guard let renameat2 = RenameAt2.function else { return false }
        // RENAME_EXCHANGE is 1 << 1 in <linux/fs.h>.
        guard renameat2(AT_FDCWD, first, AT_FDCWD, second, 1 << 1) != 0 else { return true }
        let code = errno
        if code == EINVAL || code == ENOSYS || code == ENOTSUP { return false }
        throw failure(second, code)
        #else
        return false
        #endif
    }
}

#if os(Linux)
/// glibc has `renameat2` since 2.28 but Swift's Glibc module does not import it; it is looked up by name.
private enum RenameAt2 {
    typealias Function = @convention(c) (
        Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
    ) -> Int32

    static let function: Function? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }()
}
#endif
