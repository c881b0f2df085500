import GridModel
import Testing

@testable import PlanningSupport

/// A small seeded generator for test inputs (SplitMix64).
struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

@Suite struct DistrictingGeometryTests {
    /// Whether `d` lies strictly inside the circumcircle of the counter-clockwise triangle a, b, c.
    static func strictlyInside(_ a: PlanarPoint, _ b: PlanarPoint, _ c: PlanarPoint, _ d: PlanarPoint) -> Bool {
        let adx = a.x - d.x, ady = a.y - d.y
        let bdx = b.x - d.x, bdy = b.y - d.y
        let cdx = c.x - d.x, cdy = c.y - d.y
        let det = (adx * adx + ady * ady) * (bdx * cdy - bdy * cdx)
            - (bdx * bdx + bdy * bdy) * (adx * cdy - ady * cdx)
            + (cdx * cdx + cdy * cdy) * (adx * bdy - ady * bdx)
        let scale = (adx * adx + ady * ady + bdx * bdx + bdy * bdy + cdx * cdx + cdy * cdy)
        return det > 1e-9 * scale * scale
    }

    @Test(arguments: [1, 2, 3])
    func randomPointsGiveAnEmptyCircleTriangulationOfTheHullArea(seed: UInt64) {
        var random = TestRandom(state: seed)
        let points = (0..<300).map { _ in PlanarPoint(x: random.unit() * 1000, y: random.unit() * 1000) }
        let triangulation = DelaunayTriangulation(points: points)
        var area = 0.0
        for triangle in triangulation.triangles {
            let a = points[triangle[0]], b = points[triangle[1]], c = points[triangle[2]]
            let signed = ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2
            #expect(signed > 0)
            area += signed
            for (index, point) in points.enumerated() where !triangle.contains(index) {
                #expect(!Self.strictlyInside(a, b, c, point))
            }
        }
        // Triangles tile the convex hull: their area equals the hull's (a few flat hull triangles may be missing).
        let hull = Self.convexHullArea(points)
        #expect(area <= hull * (1 + 1e-9))
        #expect(area >= hull * 0.97)
        // Euler: a full triangulation has 3n - 3 - h edges; we may miss a few hull ones.
        #expect(triangulation.edges.count <= 3 * points.count - 3)
        #expect(triangulation.edges.count >= 3 * points.count - 3 - 40)
    }

    static func convexHullArea(_ points: [PlanarPoint]) -> Double {
        let sorted = points.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        func cross(_ o: PlanarPoint, _ a: PlanarPoint, _ b: PlanarPoint) -> Double {
            (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
        }
        var lower: [PlanarPoint] = []
        for p in sorted {
            while lower.count >= 2 && cross(lower[lower.count - 2], lower[lower.count - 1], p) <= 0 { lower.removeLast() }
            lower.append(p)
        }
        var upper: [PlanarPoint] = []
        for p in sorted.reversed() {
            while upper.count >= 2 && cross(upper[upper.count - 2], upper[upper.count - 1], p) <= 0 { upper.removeLast() }
            upper.append(p)
        }
        let hull = Array(lower.dropLast() + upper.dropLast())
        var area = 0.0
        for i in hull.indices {
            let a = hull[i], b = hull[(i + 1) % hull.count]
            area += a.x * b.y - b.x * a.y
        }
        return area / 2
    }

    @Test func latticeWithDuplicatesAndCollinearRowsIsConnectedAndPlanar() {
        // A 12 × 12 lattice (every square co-circular) plus exact duplicates of some points.
        var points: [PlanarPoint] = []
        for row in 0..<12 {
            for column in 0..<12 {
                points.append(PlanarPoint(x: Double(column) * 50, y: Double(row) * 50))
            }
        }
        points += [points[0], points[77], points[143]]
        let triangulation = DelaunayTriangulation(points: points)
        let edges = triangulation.edges
        // Every lattice step is an edge of any triangulation of a lattice.
        for row in 0..<12 {
            for column in 0..<11 {
                #expect(edges.contains(IndexPair(row * 12 + column, row * 12 + column + 1)))
                #expect(edges.contains(IndexPair(column * 12 + row, (column + 1) * 12 + row)))
            }
        }
        // Duplicates are left to their first copy; no edge is longer than a square's diagonal.
        #expect(edges.allSatisfy { $0.second < 144 })
        for edge in edges {
            #expect(points[edge.first].distance(to: points[edge.second]) <= 50 * 2.0.squareRoot() + 1e-9)
        }
        #expect(triangulation.triangles.count == 2 * 11 * 11)
    }

    @Test func collinearPointsAreChainedAndDegenerateInputsGiveNothing() {
        let line = (0..<10).map { PlanarPoint(x: Double($0) * 10, y: Double($0) * 5) }
        let edges = DelaunayTriangulation(points: line).edges
        #expect(edges == (0..<9).map { IndexPair($0, $0 + 1) } || edges.isEmpty)
        #expect(DelaunayTriangulation(points: []).edges.isEmpty)
        #expect(DelaunayTriangulation(points: [PlanarPoint(x: 1, y: 1), PlanarPoint(x: 1, y: 1)]).edges.isEmpty)
        let bad = [PlanarPoint(x: .nan, y: 0), PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0), PlanarPoint(x: 0, y: 1)]
        #expect(DelaunayTriangulation(points: bad).edges == [IndexPair(1, 2), IndexPair(1, 3), IndexPair(2, 3)])
    }

    @Test func adjacencyKeepsShortDelaunayEdgesAddsClosePairsAndDropsBarrierCrossings() {
        var random = TestRandom(state: 42)
        let points = (0..<400).map { _ in PlanarPoint(x: random.unit() * 2000, y: random.unit() * 2000) }
        let barrier = Segment(start: PlanarPoint(x: 1000, y: -10), end: PlanarPoint(x: 1000, y: 2010))
        let builder = AdjacencyBuilder(delaunayMaxLength: 260, closeRadius: 120)
        let pairs = builder.pairs(positions: points, barriers: [barrier])
        let delaunay = Set(DelaunayTriangulation(points: points).edges)
        let pairSet = Set(pairs)
        for i in points.indices {
            for j in points.indices where j > i {
                let pair = IndexPair(i, j)
                let length = points[i].distance(to: points[j])
                let crosses = (points[i].x - 1000) * (points[j].x - 1000) <= 0
                let expected = !crosses && (length < 120 || (length <= 260 && delaunay.contains(pair)))
                #expect(pairSet.contains(pair) == expected, "pair \(pair)")
            }
        }
        #expect(pairs == pairs.sorted())
    }

    @Test func givenPairsMapToIndicesAndUnknownIdsAreReported() {
        let ids: [BuildingID] = ["A", "B", "C"]
        let given = [BuildingPair("B", "A"), BuildingPair("C", "C"), BuildingPair("A", "Z"), BuildingPair("A", "B")]
        let result = AdjacencyBuilder.pairs(given: given, ids: ids)
        #expect(result.pairs == [IndexPair(0, 1)])
        #expect(result.unknown == [BuildingPair("A", "Z")])
    }
}
