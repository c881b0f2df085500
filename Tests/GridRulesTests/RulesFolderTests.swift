import Foundation
import GridModel
import Testing

@testable import GridRules

@Suite struct RulesFolderTests {
    /// A fresh temporary folder holding copies of some shipped rule files.
    func folder(with names: [String], editing edit: (String, String) -> String = { $1 }) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in EmbeddedRules.files where names.contains(file.name) {
            try edit(file.name, file.text).write(
                to: folder.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func folderWithoutSourcesUsesTheBuiltInList() throws {
        let names = EmbeddedRules.files.map(\.name).filter { $0 != "sources.yaml" }
        let url = try folder(with: names)
        defer { try? FileManager.default.removeItem(at: url) }
        let rules = try RuleSet.load(directory: url)
        #expect(rules.files == names.sorted())
        #expect(rules.sources.count == (try RuleSet.builtIn()).sources.count)
        #expect(rules.identity != (try RuleSet.builtIn()).identity)
    }

    @Test func folderProblemsNameTheFileLineAndColumn() throws {
        let url = try folder(with: EmbeddedRules.files.map(\.name)) { name, text in
            name == "visits.yaml"
                ? text.replacingOccurrences(of: "frequency: 2 per month", with: "frequncy: 2 per month") : text
        }
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: GridRulesError.self) { try RuleSet.load(directory: url) }
        let failure = Language.$current.withValue(.english) { () -> GridRulesError? in
            do throws(GridRulesError) {
                _ = try RuleSet.load(directory: url)
                return nil
            } catch {
                return error
            }
        }
        do {
            let error = try #require(failure)
            let line = try #require(
                EmbeddedRules.files.first { $0.name == "visits.yaml" }?.text.split(
                    separator: "\n", omittingEmptySubsequences: false
                )
                .firstIndex { $0.contains("frequency: 2 per month") }
            )
            let unknown = error.problems.first { $0.code == .unknownKey }
            #expect(unknown?.location == SourceLocation(file: "visits.yaml", line: line + 1, column: 7))
            #expect(unknown?.message.contains("did you mean 'frequency'?") == true)
            // The missing frequency is reported too, at the parameters mapping.
            #expect(error.problems.contains { $0.code == .missingKey && $0.message.contains("'frequency'") })
        }
    }
}
