import Foundation
import GridModel
import Testing

@Suite struct MessageCatalogueTests {
    private static let messagesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/GridModel/Messages")

    @Test func theEmbeddedTablesAreTheTSVFiles() throws {
        let folder = Self.messagesFolder.appendingPathComponent("Tables")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".tsv") }.sorted()
        let tables = try names.map { name in
            (name: name, text: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
        let fromFiles = MessageCatalogue(tables: tables)
        #expect(fromFiles.entries == MessageCatalogue.standard.entries,
                "run sh Sources/GridModel/Messages/embed-messages.sh after editing Tables/*.tsv")
        #expect(names.count >= 2)
    }

    @Test func aKeyInTwoTablesIsReported() {
        let first = (name: "a.tsv", text: "key\tzh-CN\ten\nx.y\t甲\tA\n")
        let second = (name: "b.tsv", text: "key\tzh-CN\ten\nx.y\t乙\tB\n")
        let catalogue = MessageCatalogue(tables: [first, second])
        #expect(catalogue.problems.map(\.table) == ["b.tsv"])
        #expect(catalogue.text("x.y", in: .english) == "A")
    }

    @Test func descriptionFollowsTheBoundLanguage() {
        let message = Message("role.grid_leader")
        #expect(Language.$current.withValue(.english) { message.description } == "Grid leader")
        #expect(Language.$current.withValue(.chinese) { Message.text("role.grid_leader") } == "网格长")
        #expect(Language.english.list(["a", "b"]) == "a, b")
        #expect(Language.chinese.clauses(["甲", "乙"]) == "甲；乙")
    }

    @Test func everyMessageHasBothLanguagesWithTheSameArguments() {
        let catalogue = MessageCatalogue.standard
        #expect(catalogue.problems.isEmpty, "\(catalogue.problems)")
        #expect(!catalogue.entries.isEmpty)
        for entry in catalogue.entries.values.sorted(by: { ($0.table, $0.line) < ($1.table, $1.line) }) {
            let chinese = entry.texts[.chinese] ?? ""
            let english = entry.texts[.english] ?? ""
            let place = "\(entry.table) line \(entry.line) \(entry.key)"
            #expect(!chinese.isEmpty && !english.isEmpty, "\(place) lacks a language")
            #expect(Set(MessageTemplate.placeholders(in: chinese)) == Set(MessageTemplate.placeholders(in: english)),
                    "\(place): the languages use different arguments")
            #expect(Self.hasHan(Self.withoutPlaceholders(chinese)), "\(place): no Chinese")
            #expect(!Self.hasHan(Self.withoutPlaceholders(english)), "\(place): Chinese in en")
        }
    }

    @Test func aTableMissingALanguageOrDuplicatingAKeyIsReported() {
        let table = "key\tzh-CN\ten\na.b\t甲\t\nc.d\t乙\tB\nc.d\t丙\tC\ne.f\t丁\n"
        let problems = MessageCatalogue(table: table).problems.map(\.line)
        #expect(problems == [2, 4, 5])
        #expect(!MessageCatalogue(table: "id\tzh\ten\n").problems.isEmpty)
    }

    @Test func argumentsAreFilledAndMissingKeysNeverCrash() {
        let catalogue = MessageCatalogue(table: "key\tzh-CN\ten\ng.size\t{grid} 有 {n} 户\t{grid} has {n} households\n")
        #expect(catalogue.text("g.size", ["grid": "C01-G01", "n": "512"], in: .chinese) == "C01-G01 有 512 户")
        #expect(catalogue.text("g.size", ["grid": "C01-G01", "n": "512"], in: .english) == "C01-G01 has 512 households")
        #expect(catalogue.text("g.size", ["grid": "G"], in: .english) == "G has {n} households")
        #expect(catalogue.text("no.such", ["a": "1"], in: .chinese) == "no.such a=1")
        #expect(catalogue.bilingual("g.size", ["grid": "G", "n": "1"]) == "G 有 1 户 G has 1 households")
    }

    @Test func languagesAreNamedAsPlannersWriteThem() {
        #expect(Language(naming: "zh_CN") == .chinese)
        #expect(Language(naming: "中文") == .chinese)
        #expect(Language(naming: "EN") == .english)
        #expect(Language(naming: "fr") == nil)
    }

    /// Every key the code names (`Message("key"`, `.text("key"`, `.bilingual("key"`) is in the table.
    @Test func everyKeyInTheCodeIsInTheTable() throws {
        let sources = Self.messagesFolder.deletingLastPathComponent().deletingLastPathComponent()
        let key = #""([a-z0-9_]+(?:\.[a-z0-9_]+)+)""#
        let pattern = try NSRegularExpression(pattern: #"(?:\.text|\.bilingual|\bMessage)\(\s*"# + key)
        var missing: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                guard let keyRange = Range(match.range(at: 1), in: text) else { continue }
                let key = String(text[keyRange])
                if MessageCatalogue.standard.entries[key] == nil { missing.append("\(url.lastPathComponent): \(key)") }
            }
        }
        #expect(missing.isEmpty, "keys not in Tables/*.tsv: \(missing)")
    }

    private static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    private static func withoutPlaceholders(_ text: String) -> String {
        text.replacingOccurrences(of: #"\{[^}]*\}"#, with: "", options: .regularExpression)
    }
}
