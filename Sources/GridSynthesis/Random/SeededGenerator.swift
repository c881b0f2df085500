import GridModel
/// The generator's only source of randomness: xoshiro256** (Blackman and Vigna, 2018) seeded through
/// ``SplitMix64``, with its own integer, real and choice helpers.
///
/// The helpers do not use the standard library's `random(in:using:)`, whose algorithm may change between
/// toolchains; the same seed therefore gives the same street on every platform and Swift version.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose state is expanded from `seed` by ``SplitMix64``.
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// An independent generator for a labelled sub-task, derived from `seed`.
    public init(seed: UInt64, label: UInt64) {
        self.init(seed: SplitMix64.mix(seed, label))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform integer in `range`, without modulo bias (Lemire's multiply-and-reject).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }
        var product = next().multipliedFullWidth(by: span)
        if product.low < span {
            let threshold = (0 &- span) % span
            while product.low < threshold {
                product = next().multipliedFullWidth(by: span)
            }
        }
        return range.lowerBound &+ Int(truncatingIfNeeded: product.high)
    }

    /// A uniform real in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform real in `range`.
    public mutating func real(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A uniform element of a non-empty array.
    public mutating func element<T>(of items: [T]) -> T {
        precondition(!items.isEmpty, "element(of:) needs a non-empty array")
        return items[int(in: 0...(items.count - 1))]
    }

    /// An index drawn with probability proportional to `weights` (non-negative, not all zero).
    public mutating func index(weightedBy weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "index(weightedBy:) needs a positive weight")
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.lastIndex(where: { $0 > 0 }) ?? 0
    }

    /// `value` rounded down or up at random so that the expected result equals `value` (≥ 0).
    public mutating func stochasticRound(_ value: Double) -> Int {
        let whole = value.rounded(.down)
        return Int(whole) + (chance(value - whole) ? 1 : 0)
    }

    /// Fisher–Yates shuffle with this generator's own integers.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(in: 0...i))
        }
    }

    /// `count` distinct indices of `0..<n`, in increasing order (all of them when `count ≥ n`).
    public mutating func sample(_ count: Int, of n: Int) -> [Int] {
        guard count < n else { return Array(0..<n) }
        var indices = Array(0..<n)
        for i in 0..<count {
            indices.swapAt(i, int(in: i...(n - 1)))
        }
        return indices[0..<count].sorted()
    }
}
