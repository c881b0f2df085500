import Testing

@testable import GridRules

/// Mutated rule files never crash the loader: each either loads or reports problems located in real files.
@Suite struct RuleFileFuzzTests {
    /// SplitMix64, seeded, so a failing case can be replayed.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    static func mutate(_ text: String, random: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = random.below(lines.count)
        switch random.below(6) {
        case 0: lines.remove(at: index)
        case 1: lines.insert(lines[random.below(lines.count)], at: index)
        case 2: lines[index] = String(lines[index].dropFirst(random.below(4)))
        case 3: lines[index] = "  " + lines[index]
        case 4:
            var characters = Array(lines[index])
            if !characters.isEmpty {
                characters[random.below(characters.count)] = ["0", "-", ":", "[", "x", " "][random.below(6)]
            }
            lines[index] = String(characters)
        default: lines[index] = lines[index].replacingOccurrences(of: ": ", with: ": 0")
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [1, 2, 3, 4])
    func mutatedFilesLoadOrReportLocatedProblems(seed: UInt64) {
        var random = SplitMix64(state: seed)
        let names = Set(EmbeddedRules.files.map(\.name))
        for _ in 0..<20 {
            var files = EmbeddedRules.files
            let target = random.below(files.count)
            for _ in 0...random.below(3) { files[target].text = Self.mutate(files[target].text, random: &random) }
            let problems = RulesFixtures.problems(files: files)
            for problem in problems {
                #expect(names.contains(problem.location.file), "seed \(seed): \(problem)")
                #expect(problem.location.line >= 0 && problem.location.column >= 0)
                #expect(!problem.message.isEmpty)
            }
        }
    }
}
