import GridModel

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
        guard position.offset < bytes.count else { throw error(at: position, Message.text("data.gap.empty")) }
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

    /// The next token; `what` (made only for a message) names what was expected.
    private mutating func nextToken(expecting what: @autoclosure () -> String) throws(GridDataError)
        -> (String, Position)
    {
        skipSpace()
        let start = position
        guard position.offset < bytes.count else {
            throw error(at: start, Message.text("data.gap.unexpected_end", ["what": what()]))
        }
        while position.offset < bytes.count, !Self.isSpace(bytes[position.offset]) {
            position.offset += 1
            position.column += 1
        }
        let token = String(decoding: bytes[start.offset..<position.offset], as: UTF8.self)
        return (token, start)
    }

    mutating func nextInteger(expecting what: @autoclosure () -> String, minimum: Int) throws(GridDataError) -> Int {
        let (token, start) = try nextToken(expecting: what())
        guard let value = Int(token) else {
            throw error(at: start, Message.text("data.gap.not_integer", ["token": token, "what": what()]))
        }
        guard value >= minimum else {
            throw error(
                at: start,
                Message.text("data.gap.integer_below", ["value": "\(value)", "what": what(), "minimum": "\(minimum)"]))
        }
        return value
    }

    mutating func nextNumber(expecting what: @autoclosure () -> String, minimum: Double = -.infinity)
        throws(GridDataError) -> Double
    {
        let (token, start) = try nextToken(expecting: what())
        guard let value = Double(token), value.isFinite else {
            throw error(at: start, Message.text("data.gap.not_finite", ["token": token, "what": what()]))
        }
        guard value >= minimum else {
            throw error(
                at: start,
                Message.text("data.gap.number_below", ["token": token, "what": what(), "minimum": Self.text(minimum)]))
        }
        return value
    }

    mutating func expectEnd() throws(GridDataError) {
        skipSpace()
        guard position.offset >= bytes.count else {
            let (token, start) = try nextToken(expecting: Message.text("data.gap.nothing"))
            throw error(at: start, Message.text("data.gap.trailing", ["token": token]))
        }
    }

    private static func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : "\(value)"
    }
}
