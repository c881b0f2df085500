/// The fields of one CSV record, unescaped and stored back to back in one byte buffer.
///
/// The parser reuses one record for every row, so a visitor reads what it needs and keeps no reference.
struct CSVRecord {
    /// Field contents (UTF-8, quotes removed, doubled quotes collapsed), back to back.
    private(set) var bytes: [UInt8] = []
    /// End offset of each field in `bytes`; a field starts where the previous one ends.
    private(set) var ends: [Int] = []
    /// The 1-based line on which each field starts.
    private(set) var lines: [Int] = []

    init() {
        bytes.reserveCapacity(1024)
        ends.reserveCapacity(32)
        lines.reserveCapacity(32)
    }

    /// Number of fields.
    var count: Int { ends.count }

    /// The line on which the record starts.
    var line: Int { lines.first ?? 0 }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
    }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>.SubSequence) { bytes.append(contentsOf: run) }

    mutating func endField(line: Int) {
        ends.append(bytes.count)
        lines.append(line)
    }

    /// The byte range of field `index` in `bytes`.
    @inline(__always)
    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// The raw bytes of a field; empty for a field past the end of the record.
    @inline(__always)
    func field(_ index: Int) -> ArraySlice<UInt8> {
        guard index < ends.count else { return [] }
        return bytes[range(index)]
    }

    /// The field as text, exactly as written (no trimming).
    func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// The line a field starts on (the record's line for a field past its end).
    func line(ofField index: Int) -> Int {
        index < lines.count ? lines[index] : line
    }

    /// Whether the record is a blank line: one empty field.
    var isBlank: Bool { ends.count == 1 && ends[0] == 0 }
}
