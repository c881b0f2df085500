import GridModel

/// Seeded, platform-independent hashes for the roster's tie-breaks and phases (Swift's `Hasher` is randomised per
/// process, so it is never used for anything that reaches the output).
enum RosterHash {
    /// FNV-1a over the UTF-8 bytes of `parts`, mixed with `seed` by SplitMix64.
    static func value(_ seed: UInt64, _ parts: String...) -> UInt64 { mixed(seed, parts) }

    /// A number in [0, 1) for `seed` and `parts`.
    static func unit(_ seed: UInt64, _ parts: String...) -> Double {
        Double(mixed(seed, parts) >> 11) / Double(UInt64(1) << 53)
    }

    private static func mixed(_ seed: UInt64, _ parts: [String]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F
            hash &*= 0x0000_0100_0000_01B3
        }
        return SplitMix64.mix(seed, hash)
    }
}
