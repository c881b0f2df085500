import Testing

@testable import GridSynthesis

@Suite struct SeededGeneratorTests {
    @Test func sameSeedSameSequenceDifferentSeedDifferentSequence() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        var c = SeededGenerator(seed: 43)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
    }

    @Test func derivedStreamsDifferByLabel() {
        var a = SeededGenerator(seed: 9, label: 1)
        var b = SeededGenerator(seed: 9, label: 2)
        #expect((0..<10).map { _ in a.next() } != (0..<10).map { _ in b.next() })
    }

    @Test(arguments: [0...0, 1...6, -5...5, 0...1_000_000])
    func integersStayInRangeAndReachBothEnds(range: ClosedRange<Int>) {
        var random = SeededGenerator(seed: 5)
        var seen: Set<Int> = []
        for _ in 0..<20_000 {
            let value = random.int(in: range)
            #expect(range.contains(value))
            seen.insert(value)
        }
        if range.count <= 11 {
            #expect(seen.count == range.count)
        }
    }

    @Test func chanceMatchesItsProbability() {
        var random = SeededGenerator(seed: 11)
        let hits = (0..<100_000).filter { _ in random.chance(0.3) }.count
        // 0.3 ± 4.5 standard deviations of a binomial(100000, 0.3).
        #expect(abs(Double(hits) - 30_000) < 4.5 * (100_000 * 0.3 * 0.7).squareRoot())
    }

    @Test func unitIsInHalfOpenInterval() {
        var random = SeededGenerator(seed: 3)
        for _ in 0..<10_000 {
            let u = random.unit()
            #expect(u >= 0 && u < 1)
        }
    }

    @Test func sampleGivesDistinctSortedIndices() {
        var random = SeededGenerator(seed: 8)
        let sample = random.sample(30, of: 100)
        #expect(sample.count == 30)
        #expect(Set(sample).count == 30)
        #expect(sample == sample.sorted())
        #expect(sample.allSatisfy { (0..<100).contains($0) })
        #expect(random.sample(10, of: 4) == [0, 1, 2, 3])
    }

    @Test func apportionmentSumsExactlyAndFollowsWeights() {
        let shares = Apportionment.split(100, [1, 1, 1])
        #expect(shares.reduce(0, +) == 100)
        #expect(shares.max()! - shares.min()! <= 1)
        #expect(Apportionment.split(10, [0, 5, 0]) == [0, 10, 0])
        #expect(Apportionment.split(7, [0, 0]) == [0, 0])
    }
}
