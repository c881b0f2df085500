/// Walks whitespace-separated numbers and keeps track of line and column (1-based; columns count bytes, which equal
/// characters in these ASCII files).
struct NumberScanner {
    struct Position {
        var offset = 0
        var line = 1
        var column = 1
    }

    private let bytes: [UInt8]
    private let file: String
    private(set) var position = Position()
    private(set) var firstLinePosition = Position()

    init(bytes: [UInt8], file: String) {
        // A UTF-8 byte-order mark is not data.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            self.bytes = Array(bytes.dropFirst(3))
        } else {
            self.bytes = bytes
        }
        self.file = file
    }

    func error(at position: Position, _ message: String) -> GridDataError {
        GridDataError(DataIssue(file: file, line: position.line, column: position.column, problem: message))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    private mutating func skipSpace() {
        while position.offset < bytes.count, Self.isSpace(bytes[position.offset]) {
            if bytes[position.offset] == 0x0A {
                position.line += 1
                position.column = 1
            } else {
                position.column += 1
            }
            position.offset += 1
        }
    }

    /// Counts the values on the first non-empty line without consuming them.
    mutating func firstLineTokenCount() throws(GridDataError) -> Int {
        skipSpace()
        guard position.offset < bytes.count else { throw error(at: position, "empty file; expected GAP data") }
        firstLinePosition = position
        var offset = position.offset
        var count = 0
        var inToken = false
        while offset < bytes.count, bytes[offset] != 0x0A {
            let space = Self.isSpace(bytes[offset])
            if !space, !inToken { count += 1 }
            inToken = !space
            offset += 1
        }
        return count
    }

    private mutating func nextToken(expecting what: String) throws(GridDataError) -> (String, Position) {
        skipSpace()
        let start = position
        guard position.offset < bytes.count else {
            throw error(at: start, "unexpected end of file; expected \(what)")
        }
        while position.offset < bytes.count, !Self.isSpace(bytes[position.offset]) {
            position.offset += 1
            position.column += 1
        }
        let token = String(decoding: bytes[start.offset..<position.offset], as: UTF8.self)
        return (token, start)
    }

    mutating func nextInteger(expecting what: String, minimum: Int) throws(GridDataError) -> Int {
        let (token, start) = try nextToken(expecting: what)
        guard let value = Int(token) else {
            throw error(at: start, "found '\(token)'; expected \(what) (an integer)")
        }
        guard value >= minimum else {
            throw error(at: start, "found \(value); expected \(what) (an integer ≥ \(minimum))")
        }
        return value
    }

    mutating func nextNumber(expecting what: String, minimum: Double = -.infinity) throws(GridDataError)
        -> Double
    {
        let (token, start) = try nextToken(expecting: what)
        guard let value = Double(token), value.isFinite else {
            throw error(at: start, "found '\(token)'; expected \(what) (a finite number)")
        }
        guard value >= minimum else {
            throw error(at: start, "found \(token); expected \(what) (a number ≥ \(Self.text(minimum)))")
        }
        return value
    }

    mutating func expectEnd() throws(GridDataError) {
        skipSpace()
        guard position.offset >= bytes.count else {
            let (token, start) = try nextToken(expecting: "nothing")
            throw error(at: start, "found '\(token)' after the last problem; expected the end of the file")
        }
    }

    private static func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : "\(value)"
    }
}
