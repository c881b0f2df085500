import Foundation
import GridModel
import Testing

@Suite struct MessageCatalogueTests {
    private static let messagesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/GridModel/Messages")

    @Test func theEmbeddedTableIsMessagesTSV() throws {
        let file = try String(contentsOf: Self.messagesFolder.appendingPathComponent("messages.tsv"), encoding: .utf8)
        let fromFile = MessageCatalogue(table: file)
        #expect(fromFile.entries == MessageCatalogue.standard.entries,
                "run sh Sources/GridModel/Messages/embed-messages.sh after editing messages.tsv")
    }

    @Test func everyMessageHasBothLanguagesWithTheSameArguments() {
        let catalogue = MessageCatalogue.standard
        #expect(catalogue.problems.isEmpty, "\(catalogue.problems)")
        #expect(!catalogue.entries.isEmpty)
        for entry in catalogue.entries.values.sorted(by: { $0.line < $1.line }) {
            let chinese = entry.texts[.chinese] ?? ""
            let english = entry.texts[.english] ?? ""
            #expect(!chinese.isEmpty && !english.isEmpty, "line \(entry.line) \(entry.key) lacks a language")
            #expect(Set(MessageTemplate.placeholders(in: chinese)) == Set(MessageTemplate.placeholders(in: english)),
                    "line \(entry.line) \(entry.key): the languages use different arguments")
            #expect(Self.hasHan(Self.withoutPlaceholders(chinese)), "line \(entry.line) \(entry.key): no Chinese")
            #expect(!Self.hasHan(Self.withoutPlaceholders(english)), "line \(entry.line) \(entry.key): Chinese in en")
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
        #expect(missing.isEmpty, "keys not in messages.tsv: \(missing)")
    }

    private static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    private static func withoutPlaceholders(_ text: String) -> String {
        text.replacingOccurrences(of: #"\{[^}]*\}"#, with: "", options: .regularExpression)
    }
}
