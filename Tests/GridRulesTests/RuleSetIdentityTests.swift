import GridModel
import Testing

@testable import GridRules

@Suite struct RuleSetIdentityTests {
    let files = [
        RuleFile(name: "a.yaml", text: "rules: []\n"),
        RuleFile(name: "b.yaml", text: "rules:\n  - id: x\n"),
    ]

    @Test func readingOrderDoesNotMatter() {
        #expect(RuleSetIdentity(base: files, overlays: []) == RuleSetIdentity(base: files.reversed(), overlays: []))
    }

    @Test func anyContentOrNameChangeChangesTheHash() {
        let original = RuleSetIdentity(base: files, overlays: []).hash
        var edited = files
        edited[1].text += " "
        #expect(RuleSetIdentity(base: edited, overlays: []).hash != original)
        var renamed = files
        renamed[0].name = "c.yaml"
        #expect(RuleSetIdentity(base: renamed, overlays: []).hash != original)
        // Moving text from one file into the other changes the hash even though the concatenation is the same.
        let moved = [
            RuleFile(name: "a.yaml", text: "rules: []\nrules:\n"), RuleFile(name: "b.yaml", text: "  - id: x\n"),
        ]
        #expect(RuleSetIdentity(base: moved, overlays: []).hash != original)
        let overlay = RuleFile(name: "o.yaml", text: "rules: []\n")
        #expect(RuleSetIdentity(base: files, overlays: [overlay]).hash != original)
    }

    @Test func matchesAnIndependentComputation() {
        // The documented byte layout, hashed in one piece.
        var bytes: [UInt8] = []
        for file in files {
            bytes += Array("file \(file.name.utf8.count) \(file.name) \(file.text.utf8.count)\n".utf8)
            bytes += Array(file.text.utf8) + [0x0a]
        }
        #expect(RuleSetIdentity(base: files, overlays: []).hash == "sha256:" + SHA256.hex(of: bytes))
    }

    @Test func editingAShippedRuleChangesTheRuleSetIdentity() throws {
        let base = try RuleSet.builtIn()
        let edited = EmbeddedRules.files.map { file in
            file.name == "grid.yaml"
                ? RuleFile(name: file.name, text: file.text.replacingOccurrences(of: "max: 500", with: "max: 480"))
                : file
        }
        let changed = try RuleSet.load(files: edited)
        #expect(changed.grid.householdsPerGrid.value == 300...480)
        #expect(changed.identity.hash != base.identity.hash)
        #expect(try RuleSet.load(files: EmbeddedRules.files.reversed()).identity == base.identity)
    }
}
