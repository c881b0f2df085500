/// The texts the engine writes for people, by key, in every ``Language``: tables in the repository
/// (Tables/*.tsv beside this file, embedded into the binary by embed-messages.sh) instead of strings in code.
///
/// The tables (Tables/*.tsv, one per area: common, data, rules, staffing, planning, cli) are tab-separated so that a
/// translator or planner can open them in Excel: a header `key`, `zh-CN`, `en`, then one row per message; a key is
/// unique across all tables. A text names its arguments in braces (`{grid} 有 {households} 户`); both languages of
/// a row must use the same arguments, which MessageCatalogueTests checks together with "no language left empty"
/// and "every key the code asks for is in the table".
public struct MessageCatalogue: Sendable {
    /// One row of the table.
    public struct Entry: Hashable, Sendable {
        public let key: String
        public let texts: [Language: String]
        /// The table it came from (`staffing.tsv`).
        public let table: String
        /// The 1-based line of its table, for the catalogue's own tests.
        public let line: Int
    }

    /// A row of the table that cannot be used, with its line.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        public let table: String
        public let line: Int
        public let message: String
        public var description: String { "\(table) line \(line): \(message)" }
    }

    /// The entries by key.
    public let entries: [String: Entry]
    /// Rows that were not read (duplicates, missing languages, wrong column counts); empty for the shipped table.
    public let problems: [Problem]

    /// The table built into the binary.
    public static let standard = MessageCatalogue(tables: EmbeddedMessages.tables)

    /// Reads one table in the Tables/*.tsv layout, named `name` in problems.
    public init(table: String, name: String = "messages.tsv") {
        self.init(tables: [(name: name, text: table)])
    }

    /// Reads several tables; a key found in two of them is a problem and the first is kept.
    public init(tables: [(name: String, text: String)]) {
        var entries: [String: Entry] = [:]
        var problems: [Problem] = []
        for (name, table) in tables {
            Self.read(table, name: name, into: &entries, problems: &problems)
        }
        self.entries = entries
        self.problems = problems
    }

    private static func read(
        _ table: String, name: String, into entries: inout [String: Entry], problems: inout [Problem]
    ) {
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        let languages: [Language] = [.chinese, .english]
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if offset == 0 {
                if line != "key\tzh-CN\ten" {
                    problems.append(Problem(table: name, line: 1, message: "the header must be key, zh-CN, en"))
                }
                continue
            }
            if line.allSatisfy({ $0 == " " }) { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 1 + languages.count else {
                problems.append(Problem(table: name, line: lineNumber, message: "\(cells.count) columns, expected 3"))
                continue
            }
            let key = cells[0]
            var texts: [Language: String] = [:]
            for (index, language) in languages.enumerated() {
                let text = cells[index + 1]
                if text.isEmpty {
                    problems.append(Problem(table: name, line: lineNumber, message: "\(key) has no \(language.rawValue) text"))
                } else {
                    texts[language] = MessageTemplate.unescaped(text)
                }
            }
            if let earlier = entries[key] {
                let message = "\(key) appears twice (first in \(earlier.table) line \(earlier.line))"
                problems.append(Problem(table: name, line: lineNumber, message: message))
                continue
            }
            entries[key] = Entry(key: key, texts: texts, table: name, line: lineNumber)
        }
    }

    /// The text of `key` in `language` with its arguments filled in. A key missing from the table (a bug the
    /// catalogue's tests catch) gives the key and its arguments, never a crash.
    public func text(_ key: String, _ arguments: [String: String] = [:], in language: Language) -> String {
        guard let template = entries[key]?.texts[language] ?? entries[key]?.texts[.chinese] else {
            let listed = arguments.keys.sorted().map { "\($0)=\(arguments[$0] ?? "")" }
            return ([key] + listed).joined(separator: " ")
        }
        return MessageTemplate.filled(template, with: arguments)
    }

    /// Both languages, Chinese first, for printouts: "网格长 Grid leader".
    public func bilingual(_ key: String, _ arguments: [String: String] = [:], separator: String = " ") -> String {
        let chinese = text(key, arguments, in: .chinese)
        let english = text(key, arguments, in: .english)
        return chinese == english ? chinese : chinese + separator + english
    }
}

/// Filling `{name}` placeholders; `\t`, `\n` and `\\` are the table's escapes.
public enum MessageTemplate {
    /// The argument names a template uses, in order of first use.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in template {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                if !name.isEmpty, !names.contains(name) { names.append(name) }
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return names
    }

    static func filled(_ template: String, with arguments: [String: String]) -> String {
        var result = ""
        var name: String?
        for character in template {
            if character == "{" {
                if let open = name { result += "{" + open }
                name = ""
            } else if character == "}", let open = name {
                result += arguments[open] ?? "{\(open)}"
                name = nil
            } else if name != nil {
                name?.append(character)
            } else {
                result.append(character)
            }
        }
        if let open = name { result += "{" + open }
        return result
    }

    static func unescaped(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }
}
