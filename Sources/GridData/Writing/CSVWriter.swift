import Foundation

/// Streams an RFC 4180 table to a file: UTF-8 with a byte order mark, LF line ends, fields quoted only when they hold a
/// comma, a double quote, CR or LF (quotes doubled inside), and a field a spreadsheet would run as a formula
/// (`=HYPERLINK(...)`, `@SUM(...)`) started with an apostrophe (see ``CSVFormulaGuard``; numbers such as `-3`
/// are left as they are).
///
/// The byte order mark (EF BB BF) is what makes Excel and WPS on Chinese Windows read the file as UTF-8: without
/// it they take it as GBK and show every Chinese name as mojibake. Every reader of the engine and of the data
/// format accepts it (python: `encoding="utf-8-sig"`).
///
/// The file is created new with O_EXCL | O_NOFOLLOW and its final mode (0600 for resident data), so it is never
/// readable by others for an instant and never written through a link. Rows go into a byte buffer flushed in large
/// blocks, so a city of millions of rows is written without ever holding the whole text. The writer owns an open
/// file descriptor and is not `Sendable`; call ``close()`` when done (it is also flushed, best effort, when the
/// writer is released). Write into an ``OutputFolder`` (``OutputFolder/url(_:)``) so that a killed run leaves no
/// half-written table in place.
public final class CSVWriter {
    /// The file being written.
    public let url: URL
    /// Rows written so far, header excluded.
    public private(set) var rowCount = 0
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var closed = false
    private static let flushThreshold = 1 << 20
    /// UTF-8's byte order mark, the first bytes of every CSV file the engine writes.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Creates the file at `url` with the privacy's mode and writes the byte order mark and the header row.
    ///
    /// A regular file already at `url` is removed first (it is replaced, not overwritten in place); a link, a named
    /// pipe, a device or a folder there is refused and left untouched.
    /// - Throws: ``OutputError`` naming the path when the file cannot be created.
    public init(url: URL, header: [String], privacy: OutputFolder.Privacy = .shareable) throws(OutputError) {
        self.url = url
        let path = url.path
        try SafeFile.refuseUnlessReplaceable(path)
        if try PlatformFiles.kind(of: path) == .regularFile { try PlatformFiles.remove(path) }
        descriptor = try PlatformFiles.createFile(path, mode: privacy.fileMode)
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        buffer.append(contentsOf: Self.byteOrderMark)
        appendRow(header)
    }

    deinit {
        if !closed {
            try? flush()
            try? PlatformFiles.close(descriptor, path: url.path)
        }
    }

    /// Appends one row; fields are quoted as needed.
    /// - Complexity: O(total length of the fields).
    public func write(_ fields: [String]) throws(OutputError) {
        appendRow(fields)
        rowCount += 1
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes what is buffered and closes the file; further writes are a programmer error.
    public func close() throws(OutputError) {
        guard !closed else { return }
        closed = true
        do throws(OutputError) {
            try flush()
        } catch {
            try? PlatformFiles.close(descriptor, path: url.path)
            throw error
        }
        try PlatformFiles.close(descriptor, path: url.path)
    }

    private func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        let path = url.path
        try buffer.withUnsafeBufferPointer { (bytes) throws(OutputError) in
            try PlatformFiles.writeAll(descriptor, UnsafeRawBufferPointer(bytes), path: path)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func appendRow(_ fields: [String]) {
        precondition(!closed, "CSVWriter: write after close")
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            Self.appendField(field, to: &buffer)
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    /// The field as it appears in a CSV file: unchanged, or in double quotes with inner quotes doubled, after
    /// ``CSVFormulaGuard/neutralise(_:)``.
    public static func encode(_ field: String) -> String {
        var bytes: [UInt8] = []
        appendField(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The start of a CSV file as text: the byte order mark, then the header row with its LF. Tables built as text
    /// (roster.csv) begin with it, so that they open in a spreadsheet exactly as the streamed ones do.
    public static func encodeHeader(_ header: [String]) -> String {
        String(decoding: byteOrderMark, as: UTF8.self) + encodeRow(header)
    }

    /// The row as one line of CSV text, with its LF.
    public static func encodeRow(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(field, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendField(_ field: String, to bytes: inout [UInt8]) {
        let utf8 = field.utf8
        let guarded = utf8.first.map(CSVFormulaGuard.isTrigger) == true && !CSVFormulaGuard.isPlainNumber(utf8)
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            if guarded { bytes.append(CSVFormulaGuard.mark) }
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        if guarded { bytes.append(CSVFormulaGuard.mark) }
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }
}
