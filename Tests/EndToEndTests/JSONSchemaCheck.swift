import Foundation

/// A small JSON Schema (draft 2020-12) checker for the contract test: the keywords the engine's schemas use
/// (`type`, `enum`, `const`, `required`, `properties`, `additionalProperties`, `items`, `minimum`, `maximum`,
/// `minItems`, `maxItems`, `minLength`, `pattern`, `$ref` to `#/$defs/…`, `allOf`, `anyOf`, `if`/`then`/`else`). A
/// keyword it does not know fails the check, so a schema cannot silently ask for more than is checked. It shares no
/// code with the engine.
struct JSONSchemaCheck {
    let root: [String: Any]

    init(schemaFile: URL) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: schemaFile))
        guard let root = object as? [String: Any] else { throw CheckError("\(schemaFile.path): not an object") }
        self.root = root
    }

    struct CheckError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private static let known: Set<String> = [
        "$schema", "$id", "$defs", "title", "description", "type", "enum", "const", "required", "properties",
        "additionalProperties", "items", "minimum", "maximum", "minItems", "maxItems", "minLength", "pattern", "$ref",
        "allOf", "anyOf", "if", "then", "else",
    ]

    /// Every violation of the document against the schema, as `path: problem`; empty when it conforms.
    func violations(of document: Any) -> [String] {
        var found: [String] = []
        check(document, against: root, at: "$", into: &found)
        return found
    }

    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, into found: inout [String]) {
        for key in schema.keys where !Self.known.contains(key) {
            found.append("\(path): the schema uses '\(key)', which this checker does not know")
        }
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else {
                found.append("\(path): unresolved $ref \(reference)")
                return
            }
            check(value, against: target, at: path, into: &found)
        }
        if let types = schema["type"] {
            let names = (types as? [String]) ?? [(types as? String) ?? ""]
            if !names.contains(where: { Self.matches(value, type: $0) }) {
                found.append("\(path): \(Self.kind(of: value)) found; expected \(names.joined(separator: " or "))")
                return
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): \(value) is not one of \(options)")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            found.append("\(path): \(value) found; expected \(constant)")
        }
        if let number = Self.number(value) {
            if let minimum = schema["minimum"].flatMap(Self.number), number < minimum {
                found.append("\(path): \(number) is below the minimum \(minimum)")
            }
            if let maximum = schema["maximum"].flatMap(Self.number), number > maximum {
                found.append("\(path): \(number) is above the maximum \(maximum)")
            }
        }
        if let text = value as? String {
            if let least = schema["minLength"] as? Int, text.count < least {
                found.append("\(path): \"\(text)\" is shorter than \(least)")
            }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): \"\(text)\" does not match \(pattern)")
            }
        }
        if let object = value as? [String: Any] {
            checkObject(object, against: schema, at: path, into: &found)
        }
        if let array = value as? [Any] {
            if let least = schema["minItems"] as? Int, array.count < least {
                found.append("\(path): \(array.count) items; expected at least \(least)")
            }
            if let most = schema["maxItems"] as? Int, array.count > most {
                found.append("\(path): \(array.count) items; expected at most \(most)")
            }
            if let items = schema["items"] as? [String: Any] {
                for (index, element) in array.enumerated() {
                    check(element, against: items, at: "\(path)[\(index)]", into: &found)
                }
            }
        }
        for part in (schema["allOf"] as? [[String: Any]]) ?? [] {
            check(value, against: part, at: path, into: &found)
        }
        if let options = schema["anyOf"] as? [[String: Any]] {
            let fits = options.contains { option in
                var trial: [String] = []
                check(value, against: option, at: path, into: &trial)
                return trial.isEmpty
            }
            if !fits { found.append("\(path): matches none of anyOf") }
        }
        if let condition = schema["if"] as? [String: Any] {
            var trial: [String] = []
            check(value, against: condition, at: path, into: &trial)
            let branch = trial.isEmpty ? schema["then"] : schema["else"]
            if let branch = branch as? [String: Any] { check(value, against: branch, at: path, into: &found) }
        }
    }

    private func checkObject(
        _ object: [String: Any], against schema: [String: Any], at path: String, into found: inout [String]
    ) {
        for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
            found.append("\(path): '\(key)' is missing")
        }
        let properties = (schema["properties"] as? [String: Any]) ?? [:]
        for (key, element) in object.sorted(by: { $0.key < $1.key }) {
            if let property = properties[key] as? [String: Any] {
                check(element, against: property, at: "\(path).\(key)", into: &found)
            } else if let extra = schema["additionalProperties"] {
                if let allowed = extra as? Bool {
                    if !allowed { found.append("\(path): '\(key)' is not allowed") }
                } else if let extraSchema = extra as? [String: Any] {
                    check(element, against: extraSchema, at: "\(path).\(key)", into: &found)
                }
            }
        }
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return isBoolean(value)
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "number": return number(value) != nil
        case "integer": return number(value).map { $0 == $0.rounded() } ?? false
        default: return false
        }
    }

    private static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c" || String(describing: type(of: value)).contains("Bool")
    }

    private static func number(_ value: Any) -> Double? {
        guard !isBoolean(value), let number = value as? NSNumber else { return nil }
        return number.doubleValue
    }

    private static func kind(of value: Any) -> String {
        for name in ["null", "boolean", "object", "array", "string", "integer", "number"] where matches(value, type: name)
        {
            return name
        }
        return "\(type(of: value))"
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = number(a), let y = number(b) { return x == y }
        return false
    }
}
