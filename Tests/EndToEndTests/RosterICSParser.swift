import Foundation

/// A small iCalendar reader of the tests' own: checks CRLF line ends and 75-octet lines, unfolds, splits
/// properties into name, parameters and value, and unescapes TEXT values.
struct RosterICSParser {
    struct Property {
        var name: String
        var parameters: [String: String]
        var value: String
    }

    struct Component {
        var name: String
        var properties: [Property] = []
        var children: [Component] = []

        func first(_ name: String) -> Property? { properties.first { $0.name == name } }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses the bytes of a .ics file into its top-level components.
    static func parse(_ data: Data) throws -> [Component] {
        let bytes = Array(data)
        var physical: [[UInt8]] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                guard index > 0, bytes[index - 1] == 0x0D else {
                    throw Failure(description: "a line ends in a bare LF at octet \(index)")
                }
                physical.append(Array(bytes[start..<(index - 1)]))
                start = index + 1
            }
            index += 1
        }
        guard start == bytes.count else { throw Failure(description: "the file does not end in CRLF") }
        var logical: [String] = []
        for line in physical {
            guard line.count <= 75 else { throw Failure(description: "a line of \(line.count) octets") }
            guard let text = String(validating: line, as: UTF8.self) else {
                throw Failure(description: "a physical line is not UTF-8 on its own (a character was split)")
            }
            if let first = line.first, first == 0x20 || first == 0x09 {
                guard !logical.isEmpty else { throw Failure(description: "the file starts with a continuation") }
                logical[logical.count - 1] += String(text.dropFirst())
            } else {
                logical.append(text)
            }
        }
        var stack: [Component] = []
        var roots: [Component] = []
        for line in logical {
            let property = try split(line)
            if property.name == "BEGIN" {
                stack.append(Component(name: property.value))
            } else if property.name == "END" {
                guard let done = stack.popLast(), done.name == property.value else {
                    throw Failure(description: "END:\(property.value) does not close what was begun")
                }
                if stack.isEmpty { roots.append(done) } else { stack[stack.count - 1].children.append(done) }
            } else {
                guard !stack.isEmpty else { throw Failure(description: "a property outside any component") }
                stack[stack.count - 1].properties.append(property)
            }
        }
        guard stack.isEmpty else { throw Failure(description: "\(stack.count) components left open") }
        return roots
    }

    /// `NAME;P=V;Q="a,b":value` → name, parameters, value (quoted parameter values may hold `:` `;` `,`).
    static func split(_ line: String) throws -> Property {
        var name = ""
        var parameters: [String: String] = [:]
        var current = ""
        var key: String?
        var inQuotes = false
        var index = line.startIndex
        var seenName = false
        while index < line.endIndex {
            let character = line[index]
            if inQuotes {
                if character == "\"" { inQuotes = false } else { current.append(character) }
            } else if character == "\"" {
                inQuotes = true
            } else if character == ";" || character == ":" {
                if !seenName {
                    name = current
                    seenName = true
                } else if let key {
                    parameters[key] = current
                }
                current = ""
                key = nil
                if character == ":" {
                    return Property(
                        name: name, parameters: parameters, value: String(line[line.index(after: index)...]))
                }
            } else if character == "=" && seenName && key == nil {
                key = current
                current = ""
            } else {
                current.append(character)
            }
            index = line.index(after: index)
        }
        throw Failure(description: "no ':' in \(line)")
    }

    /// A TEXT value unescaped.
    static func unescape(_ value: String) -> String {
        var result = ""
        var escaped = false
        for character in value {
            if escaped {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
