import Foundation

/// Streams an RFC 4180 table to a file: UTF-8 without BOM, LF line ends, fields quoted only when they hold a
/// comma, a double quote, CR or LF (quotes doubled inside).
///
/// Rows go into a byte buffer flushed in large blocks, so a city of millions of rows is written without ever
/// holding the whole text. The writer owns an open file and is not `Sendable`; call ``close()`` when done
/// (it is also flushed, best effort, when the writer is released).
public final class CSVWriter {
    /// The file being written.
    public let url: URL
    /// Rows written so far, header excluded.
    public private(set) var rowCount = 0
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var closed = false
    private static let flushThreshold = 1 << 20

    /// Creates (or truncates) the file at `url` and writes the header row.
    /// - Throws: Foundation's file error (it names the path) when the file cannot be created or opened.
    public init(url: URL, header: [String]) throws {
        self.url = url
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        appendRow(header)
    }

    deinit {
        if !closed {
            try? flush()
            try? handle.close()
        }
    }

    /// Appends one row; fields are quoted as needed.
    /// - Complexity: O(total length of the fields).
    public func write(_ fields: [String]) throws {
        appendRow(fields)
        rowCount += 1
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes what is buffered and closes the file; further writes are a programmer error.
    public func close() throws {
        guard !closed else { return }
        try flush()
        try handle.close()
        closed = true
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
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

    /// The field as it appears in a CSV file: unchanged, or in double quotes with inner quotes doubled.
    public static func encode(_ field: String) -> String {
        var bytes: [UInt8] = []
        appendField(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
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
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }
}
