import Districting
import GridModel
import Testing

/// ``PartitionCostBound`` against exact optima: every partition of a few points enumerated, each part measured from
/// its own centroid, with code that shares nothing with the bound.
@Suite struct PartitionCostBoundTests {
    /// Σ weight × distance^power about the weighted centroid of `members`.
    static func centroidCost(_ members: [Int], points: [PlanarPoint], weights: [Double], power: Int) -> Double {
        let total = members.reduce(0.0) { $0 + weights[$1] }
        let x = members.reduce(0.0) { $0 + weights[$1] * points[$1].x } / total
        let y = members.reduce(0.0) { $0 + weights[$1] * points[$1].y } / total
        return members.reduce(0.0) { sum, i in
            let distance = points[i].distance(to: PlanarPoint(x: x, y: y))
            return sum + weights[i] * (power == 1 ? distance : distance * distance)
        }
    }

    /// The least centroid cost over every partition of whole points into exactly `parts` parts within `bounds`
    /// (restricted-growth strings), or nil when none fits.
    static func exhaustiveOptimum(
        points: [PlanarPoint], weights: [Double], parts: Int, bounds: ClosedRange<Double>, power: Int
    ) -> Double? {
        var label = Array(repeating: 0, count: points.count)
        var best: Double?
        func visit(_ index: Int, used: Int) {
            if index == points.count {
                guard used == parts else { return }
                var cost = 0.0
                for part in 0..<parts {
                    let members = points.indices.filter { label[$0] == part }
                    let weight = members.reduce(0.0) { $0 + weights[$1] }
                    guard bounds.contains(weight) else { return }
                    cost += centroidCost(members, points: points, weights: weights, power: power)
                }
                if best.map({ cost < $0 }) ?? true { best = cost }
                return
            }
            guard points.count - index >= parts - used else { return }
            for part in 0..<min(used + 1, parts) {
                label[index] = part
                visit(index + 1, used: max(used, part + 1))
            }
        }
        visit(0, used: 0)
        return best
    }

    /// Less effort than the standard, so that 80 instances run in seconds in a debug build (any effort is valid).
    static let light = PartitionCostBound.Effort(
        initialCellsPerSide: 4, rounds: 2, splitsPerRound: 6, deepestSplit: 5, largestCover: 200,
        iterationsPerRound: 120, patience: 20)

    @Test func theUnitTriangleIsBoundedBelowItsCentroidCostNotByTheBuildingMedian() {
        let points = [
            PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0), PlanarPoint(x: 0.5, y: 3.0.squareRoot() / 2),
        ]
        let bound = PartitionCostBound(points: points, weights: [1, 1, 1], parts: 1).solve().bound
        // About the centroid each point is 1/√3 away: 1.7320…; about a building it is 2.
        let centroid = 3.0.squareRoot()
        #expect(bound <= centroid)
        #expect(bound >= 0.97 * centroid, "the cells around the centroid are refined: \(bound)")
    }

    @Test(arguments: [DistancePower.distance, .squaredDistance])
    func smallInstancesAreBoundedByTheirExhaustiveOptimum(power: DistancePower) {
        var random = SplitMix64(seed: 11)
        var ratios: [Double] = []
        for instance in 0..<40 {
            let count = 5 + instance % 5
            let points = (0..<count).map { _ in
                PlanarPoint(x: Double(random.below(400)), y: Double(random.below(300)))
            }
            let weights = (0..<count).map { _ in Double(1 + random.below(9)) }
            let total = weights.reduce(0, +)
            let parts = 1 + instance % 3
            // Bounds from loose to tight around the mean part weight.
            let mean = total / Double(parts)
            let slack = [1.0, 0.5, 0.25][instance % 3 == 0 ? 0 : (instance / 3) % 3]
            let bounds = max(0, mean * (1 - slack))...(mean * (1 + slack))
            guard let optimum = Self.exhaustiveOptimum(
                points: points, weights: weights, parts: parts, bounds: bounds, power: power.rawValue)
            else { continue }
            let bound = PartitionCostBound(
                points: points, weights: weights, parts: parts, weightBounds: bounds, power: power, effort: Self.light
            ).solve().bound
            #expect(bound <= optimum + 1e-9 * optimum, "instance \(instance): bound \(bound) > optimum \(optimum)")
            if optimum > 0 { ratios.append(bound / optimum) }
        }
        // Validity is the point; the mean ratio only shows the bound is not vacuous.
        #expect(ratios.count >= 30)
        #expect(ratios.reduce(0, +) / Double(ratios.count) >= 0.6, "mean bound / optimum \(ratios)")
    }

    @Test func tiltsPriceTheCentroidAboveTheGeometricMedian() {
        // Three units at 0 and one at 10 m, one part: the centroid sits at 2.5 m (cost 3 × 2.5 + 7.5 = 15), the best
        // free centre at 0 (cost 10). Free centres alone cannot bound above 10; the tilts can, never above 15.
        let points = [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 10, y: 0)]
        let tilted = PartitionCostBound(points: points, weights: [3, 1], parts: 1).solve().bound
        #expect(tilted <= 15)
        #expect(tilted >= 14, "tilted bound \(tilted)")
        var untilted = PartitionCostBound.Effort.standard
        untilted.tilting = false
        let free = PartitionCostBound(points: points, weights: [3, 1], parts: 1, effort: untilted).solve().bound
        #expect(free <= 10)
    }

    @Test func tiltedBoundsHoldOnLopsidedInstances() {
        // Heavy points beside light ones far off: the centroid is far from the median, where a wrong tilt would show.
        var random = SplitMix64(seed: 23)
        for instance in 0..<30 {
            let count = 4 + instance % 4
            let points = (0..<count).map { index in
                PlanarPoint(x: Double(index < 2 ? random.below(20) : 200 + random.below(300)),
                            y: Double(random.below(150)))
            }
            let weights = (0..<count).map { index in Double(index < 2 ? 20 + random.below(20) : 1 + random.below(4)) }
            let total = weights.reduce(0, +)
            let parts = 1 + instance % 2
            let bounds = (parts == 1 ? 0 : total * 0.2)...total
            guard let optimum = Self.exhaustiveOptimum(
                points: points, weights: weights, parts: parts, bounds: bounds, power: 1)
            else { continue }
            let bound = PartitionCostBound(
                points: points, weights: weights, parts: parts, weightBounds: bounds, effort: Self.light
            ).solve().bound
            #expect(bound <= optimum + 1e-9 * optimum, "instance \(instance): bound \(bound) > optimum \(optimum)")
        }
    }

    @Test func aPartitionOfSplitPointsIsBoundedToo() {
        // Two heavy points 100 m apart, three parts of exactly 10: one point must be split between two parts, whose
        // centroids then coincide with it; the third part sits on the other point. Cost 0.
        let points = [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 100, y: 0)]
        let bound = PartitionCostBound(points: points, weights: [20, 10], parts: 3, weightBounds: 10...10).solve()
        #expect(bound.bound == 0)
    }

    @Test func boundsNoPartitionFitsAreInfinite() {
        let points = [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 10, y: 0)]
        let result = PartitionCostBound(points: points, weights: [5, 5], parts: 2, weightBounds: 6...9).solve()
        #expect(result.bound == .infinity)
    }

    @Test func theSameInputGivesTheSameBound() {
        var random = SplitMix64(seed: 5)
        let points = (0..<60).map { _ in PlanarPoint(x: Double(random.below(900)), y: Double(random.below(700))) }
        let weights = (0..<60).map { _ in Double(10 + random.below(60)) }
        let total = weights.reduce(0, +)
        let problem = PartitionCostBound(
            points: points, weights: weights, parts: 5, weightBounds: (total / 5 * 0.8)...(total / 5 * 1.2),
            effort: Self.light)
        #expect(problem.solve() == problem.solve())
    }
}
