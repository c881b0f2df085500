import Foundation
import Testing

@testable import GridData

/// Damaged files must give problems, never a crash: random byte edits of a valid street, seeded.
@Suite(.inEnglish) struct CorruptedInputTests {
    /// SplitMix64: a small seeded generator so that every run damages the files the same way.
    struct SplitMix64 {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    /// Bytes that matter to CSV and to the encodings.
    static let nasty: [UInt8] = [
        0x22, 0x2C, 0x0A, 0x0D, 0x3B, 0x2D, 0x2E, 0x30, 0x39, 0xEF, 0xBB, 0xBF, 0xFF, 0x81, 0x00,
    ]

    @Test(arguments: 0..<4)
    func damagedStreetsReportProblemsWithoutCrashing(seed: UInt64) throws {
        let source = FixtureFolders.street("valid-street")
        let names = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.hasSuffix(".csv") }
        var random = SplitMix64(state: seed)
        for _ in 0..<25 {
            var files: [String: [UInt8]] = [:]
            for name in names {
                files[name] = [UInt8](try Data(contentsOf: source.appendingPathComponent(name)))
            }
            let victim = names.sorted()[random.below(names.count)]
            var bytes = files[victim] ?? []
            for _ in 0..<(1 + random.below(6)) where !bytes.isEmpty {
                let position = random.below(bytes.count)
                switch random.below(3) {
                case 0: bytes[position] = Self.nasty[random.below(Self.nasty.count)]
                case 1: bytes.remove(at: position)
                default: bytes.insert(Self.nasty[random.below(Self.nasty.count)], at: position)
                }
            }
            files[victim] = bytes
            let folder = try FixtureFolders.temporaryStreet(files)
            defer { try? FileManager.default.removeItem(at: folder) }
            do {
                _ = try StreetLoader(directory: folder).load()
            } catch {
                #expect(!error.issues.isEmpty)
                #expect(error.issues.allSatisfy { !$0.file.isEmpty && !$0.problem.isEmpty })
            }
        }
    }
}
