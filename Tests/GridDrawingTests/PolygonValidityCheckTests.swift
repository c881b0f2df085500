import Testing

/// The oracle itself: it must reject what shapely rejects, or a passing validity test means nothing.
@Suite struct PolygonValidityCheckTests {
    typealias Check = PolygonValidityCheck

    /// A feature of `polygons` given as rings of (x, y) pairs in centimetres, rings closed here.
    static func feature(_ polygons: [[[(Int64, Int64)]]]) -> Check.Feature {
        let closed = polygons.map { polygon in
            polygon.map { ring in (ring + ring.prefix(1)).map { Check.Point(x: $0.0, y: $0.1) } }
        }
        return Check.Feature(id: "F", level: "grid", communityID: "C01", gridID: "F", polygons: closed)
    }

    static let square = [(0, 0), (100, 0), (100, 100), (0, 100)].map { (Int64($0.0), Int64($0.1)) }
    static func shifted(_ ring: [(Int64, Int64)], _ dx: Int64, _ dy: Int64) -> [(Int64, Int64)] {
        ring.map { ($0.0 + dx, $0.1 + dy) }
    }

    @Test func aSquareWithAHoleAndASecondPartTouchingAtACornerIsValid() {
        let hole: [(Int64, Int64)] = [(20, 20), (20, 80), (80, 80), (80, 20)]
        let feature = Self.feature([[Self.square, hole], [Self.shifted(Self.square, 100, 100)]])
        #expect(Check.problems(of: feature).isEmpty, "\(Check.problems(of: feature))")
    }

    @Test func invalidShapesAreCaught() {
        let bowtie: [(Int64, Int64)] = [(0, 0), (100, 100), (100, 0), (0, 150)]
        let outsideHole = Self.shifted([(20, 20), (20, 80), (80, 80), (80, 20)], 200, 0)
        let cases: [(String, Check.Feature)] = [
            ("crosses itself", Self.feature([[bowtie]])),
            ("share an edge", Self.feature([[Self.square], [Self.shifted(Self.square, 100, 0)]])),
            ("cross near", Self.feature([[Self.square], [Self.shifted(Self.square, 50, 50)]])),
            ("outside its shell", Self.feature([[Self.square, outsideHole]])),
            ("overlaps", Self.feature([[Self.square], [[(20, 20), (80, 20), (80, 80), (20, 80)]]])),
            ("touches itself", Self.feature([[[(0, 0), (100, 0), (50, 50), (100, 100), (0, 100), (50, 50)]]])),
        ]
        for (expected, feature) in cases {
            let problems = Check.problems(of: feature)
            #expect(problems.contains { $0.contains(expected) }, "\(expected): \(problems)")
        }
    }

    @Test func coverageMeasuresOverlapAndDifference() {
        let a = Self.feature([[Self.square]]), b = Self.feature([[Self.shifted(Self.square, 50, 0)]])
        let both = Check.coverage([(a, 1), (b, 1)])
        #expect(abs(both.overlap - 0.5) < 1e-9 && abs(both.covered - 1.5) < 1e-9)
        #expect(Check.coverage([(a, 1), (a, -1)]).nonZero == 0)
        #expect(abs(Check.coverage([(a, 1), (b, -1)]).nonZero - 1) < 1e-9)
    }
}
