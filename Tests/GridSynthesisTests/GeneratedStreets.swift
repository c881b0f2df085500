import GridModel
import GridSynthesis

/// Streets the tests share, generated once per test run.
enum GeneratedStreets {
    static let households = 20_000
    static let communities = 8
    /// A sample-sized street: 20,000 households in 8 communities.
    static let sample: Street = try! StreetGenerator(seed: 2026, households: households, communityCount: communities)
        .generate()
    /// Three more streets of other sizes, pooled for share tests that need more compounds.
    static let pool: [Street] = [(11, 15_000), (12, 24_000), (13, 31_000)].map { seed, households in
        try! StreetGenerator(seed: UInt64(seed), households: households).generate()
    }
}
