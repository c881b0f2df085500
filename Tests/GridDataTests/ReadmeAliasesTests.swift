import Foundation
import GridData
import Testing

/// The README promises planners a list of every Chinese header the reader accepts; it must not drift from the table.
@Suite struct ReadmeAliasesTests {
    @Test func readmeListsEveryAlias() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for (alias, canonical) in ColumnAliases.table {
            let row = text.split(separator: "\n").first { $0.hasPrefix("| `\(canonical)` |") }
            #expect(row?.contains(alias) == true, "README lacks \(alias) → \(canonical)")
        }
    }
}
