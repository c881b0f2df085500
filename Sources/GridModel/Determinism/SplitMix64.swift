/// SplitMix64 (Steele, Lea and Flood, 2014): the engine's one seeded source of randomness, so that the same input,
/// rules and seed give the same output on every machine (the standard library's generator is never used).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (`bound` ≥ 1; the modulo bias is below 2⁻⁴⁰ for the bounds used here).
    public mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A well-mixed value for `seed` and `label`: the seed of an independent stream (a street of a city, a
    /// community, a phase) so that adding draws to one phase never shifts the numbers another phase sees.
    public static func mix(_ seed: UInt64, _ label: UInt64) -> UInt64 {
        var generator = SplitMix64(seed: seed ^ (label &* 0xD1B5_4A32_D192_ED03))
        _ = generator.next()
        return generator.next()
    }
}
