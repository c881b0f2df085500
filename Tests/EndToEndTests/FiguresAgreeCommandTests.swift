import Foundation
import Testing

/// One set of figures: what `generate` says it wrote is what `validate` counts in the folder (they once disagreed on
/// compounds, 29 against 35, as `generate` left commercial sites out).
@Suite struct FiguresAgreeCommandTests {
    /// `8 communities` → ("communities", 8), for each `N word` of a line.
    static func counts(_ line: String) -> [String: Int] {
        var result: [String: Int] = [:]
        let words = line.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: "(", with: " ")
            .replacingOccurrences(of: ")", with: " ")
            .split(separator: " ").map(String.init)
        for (index, word) in words.enumerated().dropLast() {
            if let value = Int(word) { result[words[index + 1], default: value] = value }
        }
        return result
    }

    @Test func generateAndValidateCountTheSameThings() throws {
        let out = try GridsDrawCommandTests.temporary("figures")
        defer { try? FileManager.default.removeItem(at: out) }
        let street = out.appendingPathComponent("street")
        let generated = try GridsDrawCommandTests.run(
            ["generate", "street", "--seed", "3", "--households", "4000", "--out", street.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let said = Self.counts(try #require(generated.stdout.split(separator: "\n").first).description)
        let validated = try GridsDrawCommandTests.run(["validate", street.path])
        #expect(validated.status == 0, "\(validated.stderr)")
        var counted: [String: Int] = [:]
        for line in validated.stdout.split(separator: "\n") where !line.hasPrefix(" ") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let value = Int(parts[1].split(separator: " ").first ?? "") else { continue }
            counted[String(parts[0])] = value
        }
        for name in ["communities", "compounds", "buildings", "households", "people", "residents"] {
            #expect(said[name] != nil && said[name] == counted[name], "\(name): generate \(said), validate \(counted)")
        }
        #expect(said["non-residential"] != nil)
        #expect(said["non-residential"] == Self.counts(validated.stdout)["non-residential"])
    }
}
