import Foundation

/// Writes output files readable and writable by their owner only (mode 0600): rosters name residents, and a
/// resident's visits hint at sensitive categories.
///
/// A shorthand for ``SafeFile`` with ``OutputFolder/Privacy/residentData``: the file is created 0600 from its first
/// instant (never created wider and narrowed afterwards), written beside the target and renamed over it; a link,
/// a named pipe or a device at the target is refused.
public enum OwnerOnlyFile {
    /// The POSIX permissions every roster output gets.
    public static let permissions: Int = 0o600

    /// Replaces the file at `url` with `data`, created with mode 0600.
    /// - Throws: ``OutputError`` naming the path when the file cannot be written.
    public static func write(_ data: Data, to url: URL) throws(OutputError) {
        try SafeFile.write(data, to: url, privacy: .residentData)
    }

    /// Writes UTF-8 text.
    public static func write(_ text: String, to url: URL) throws(OutputError) {
        try SafeFile.write(text, to: url, privacy: .residentData)
    }
}
