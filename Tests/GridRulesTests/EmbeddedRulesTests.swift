import Foundation
import Testing

@testable import GridRules

/// The defaults built into the binary must equal Rules/*.yaml; run Sources/GridRules/Defaults/embed-rules.sh
/// after editing a rule file.
@Suite struct EmbeddedRulesTests {
    @Test func embeddedCopyMatchesRulesFolder() throws {
        let onDisk = try RuleSet.readDirectory(RulesFixtures.rulesDirectory)
        #expect(onDisk.map(\.name) == EmbeddedRules.files.map(\.name))
        for (disk, embedded) in zip(onDisk, EmbeddedRules.files) {
            #expect(disk.text == embedded.text, "\(disk.name) differs from its embedded copy: run embed-rules.sh")
        }
    }
}
