import Foundation

/// An oracle for grids.geojson that shares no code with the shape builder: it reads the written text and judges
/// each MultiPolygon by the OGC simple-features rules (rings closed, no ring crossing or touching itself, rings of a
/// feature meeting at most at single points, holes inside their outer ring and not inside each other, parts not
/// overlapping), then measures coverage of whole sets of features with a slab sweep (where do two grids overlap,
/// where do micro-grids and their grid differ).
///
/// Planar grids.geojson has 2 decimals, so coordinates are read as whole centimetres and every test except the
/// sweep's areas is exact integer arithmetic.
struct PolygonValidityCheck {
    /// A point in whole centimetres.
    struct Point: Hashable, Comparable {
        var x: Int64
        var y: Int64
        static func < (a: Point, b: Point) -> Bool { a.x != b.x ? a.x < b.x : a.y < b.y }
        static func - (a: Point, b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }
        func cross(_ o: Point) -> Int64 { x * o.y - y * o.x }
        func dot(_ o: Point) -> Int64 { x * o.x + y * o.y }
    }

    /// One polygon: outer ring then holes, each closed (first point repeated last) as read.
    typealias Polygon = [[Point]]

    /// One feature of the file.
    struct Feature {
        var id: String
        var level: String
        var communityID: String
        var gridID: String
        var polygons: [Polygon]
    }

    /// The features of a grids.geojson text with planar coordinates.
    static func features(geoJSON text: String) throws -> [Feature] {
        let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let list = root?["features"] as? [[String: Any]] ?? []
        return list.map { item in
            let properties = item["properties"] as? [String: Any] ?? [:]
            let geometry = item["geometry"] as? [String: Any] ?? [:]
            let coordinates = geometry["coordinates"] as? [[[[Double]]]] ?? []
            func point(_ pair: [Double]) -> Point {
                Point(x: Int64((pair[0] * 100).rounded()), y: Int64((pair[1] * 100).rounded()))
            }
            return Feature(
                id: properties["id"] as? String ?? "", level: properties["level"] as? String ?? "",
                communityID: properties["community_id"] as? String ?? "",
                gridID: properties["grid_id"] as? String ?? "",
                polygons: coordinates.map { $0.map { $0.map(point) } })
        }
    }

    // MARK: Validity of one feature

    /// The reasons `feature` is not a valid MultiPolygon (empty when it is).
    static func problems(of feature: Feature) -> [String] {
        var problems: [String] = []
        // Rings without repeated consecutive points (repeats are allowed, they add nothing).
        var rings: [(polygon: Int, ring: Int, points: [Point])] = []
        for (p, polygon) in feature.polygons.enumerated() {
            if polygon.isEmpty { problems.append("polygon \(p) has no ring") }
            for (r, ring) in polygon.enumerated() {
                guard let first = ring.first, let last = ring.last, first == last else {
                    problems.append("ring \(p).\(r) not closed")
                    continue
                }
                var points: [Point] = []
                for point in ring.dropLast() where points.last != point { points.append(point) }
                while points.count > 1 && points.first == points.last { points.removeLast() }
                if points.count < 3 || twiceArea(points) == 0 {
                    problems.append("ring \(p).\(r) has no area")
                    continue
                }
                rings.append((p, r, points))
            }
        }
        guard problems.isEmpty else { return problems }
        problems += segmentProblems(rings)
        guard problems.isEmpty else { return problems }
        // Holes inside their outer ring, not inside one another; parts not inside one another.
        for (p, polygon) in feature.polygons.enumerated() {
            let shell = cleaned(polygon[0])
            let holes = polygon.dropFirst().map(cleaned)
            for (h, hole) in holes.enumerated() {
                if location(of: hole, in: shell) != .inside { problems.append("hole \(p).\(h + 1) outside its shell") }
                for (g, other) in holes.enumerated() where g != h && location(of: hole, in: other) == .inside {
                    problems.append("hole \(p).\(h + 1) inside hole \(p).\(g + 1)")
                }
            }
            for (q, other) in feature.polygons.enumerated() where q != p {
                let otherShell = cleaned(other[0])
                guard location(of: shell, in: otherShell) == .inside else { continue }
                let inHole = other.dropFirst().contains { location(of: shell, in: cleaned($0)) == .inside }
                if !inHole { problems.append("polygon \(p) overlaps polygon \(q)") }
            }
        }
        return problems
    }

    /// A closed ring without its closing point and repeats.
    static func cleaned(_ ring: [Point]) -> [Point] {
        var points: [Point] = []
        for point in ring.dropLast() where points.last != point { points.append(point) }
        while points.count > 1 && points.first == points.last { points.removeLast() }
        return points
    }

    /// Twice the signed area (positive counter-clockwise).
    static func twiceArea(_ ring: [Point]) -> Int64 {
        let origin = ring[0]
        var area: Int64 = 0
        for k in ring.indices { area += (ring[k] - origin).cross(ring[(k + 1) % ring.count] - origin) }
        return area
    }

    /// Segment checks: a ring meets itself only where consecutive segments join; two rings meet at points only,
    /// and two rings of one polygon at one point at most (more would cut its interior in pieces).
    static func segmentProblems(_ rings: [(polygon: Int, ring: Int, points: [Point])]) -> [String] {
        struct Segment {
            var a: Point, b: Point, ring: Int, index: Int, count: Int
            var minX: Int64 { min(a.x, b.x) }
            var maxX: Int64 { max(a.x, b.x) }
        }
        var segments: [Segment] = []
        for (r, ring) in rings.enumerated() {
            let n = ring.points.count
            for k in 0..<n {
                segments.append(Segment(a: ring.points[k], b: ring.points[(k + 1) % n], ring: r, index: k, count: n))
            }
        }
        segments.sort { $0.minX < $1.minX }
        var problems: [String] = []
        var touches: [Int: Set<Point>] = [:]
        for i in segments.indices {
            let s = segments[i]
            var j = i + 1
            while j < segments.count && segments[j].minX <= s.maxX {
                let t = segments[j]
                j += 1
                guard max(min(s.a.y, s.b.y), min(t.a.y, t.b.y)) <= min(max(s.a.y, s.b.y), max(t.a.y, t.b.y)) else {
                    continue
                }
                let meeting = intersection(s.a, s.b, t.a, t.b)
                if s.ring == t.ring {
                    let adjacent = (s.index + 1) % s.count == t.index || (t.index + 1) % t.count == s.index
                    switch meeting {
                    case .none: break
                    case .point(let p):
                        // Consecutive segments share their joint; anything else is the ring touching itself.
                        let joint = (s.index + 1) % s.count == t.index ? s.b : s.a
                        if !(adjacent && p == joint) && !(adjacent && s.count == 3) {
                            problems.append("ring \(label(rings[s.ring])) touches itself at \(p)")
                        }
                    case .crossing(let at):
                        problems.append("ring \(label(rings[s.ring])) crosses itself near \(at)")
                    case .overlap:
                        problems.append("ring \(label(rings[s.ring])) runs back along itself")
                    }
                } else {
                    switch meeting {
                    case .none: break
                    case .point(let p):
                        guard rings[s.ring].polygon == rings[t.ring].polygon else { break }
                        let pair = min(s.ring, t.ring) * 100_000 + max(s.ring, t.ring)
                        touches[pair, default: []].insert(p)
                    case .crossing(let at):
                        problems.append("rings \(label(rings[s.ring])) and \(label(rings[t.ring])) cross near \(at)")
                    case .overlap:
                        problems.append("rings \(label(rings[s.ring])) and \(label(rings[t.ring])) share an edge")
                    }
                }
            }
        }
        for (pair, points) in touches.sorted(by: { $0.key < $1.key }) where points.count > 1 {
            problems.append("rings \(label(rings[pair / 100_000])) and \(label(rings[pair % 100_000])) "
                + "touch at \(points.count) points")
        }
        return problems
    }

    static func label(_ ring: (polygon: Int, ring: Int, points: [Point])) -> String { "\(ring.polygon).\(ring.ring)" }

    /// How two closed segments meet.
    enum Meeting {
        case none
        /// At one point that is an end of at least one of them.
        case point(Point)
        /// Through both interiors (near: roughly where, for the message).
        case crossing(near: Point)
        /// Along a stretch of positive length.
        case overlap
    }

    static func intersection(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Meeting {
        func side(_ p: Point, _ q: Point, _ r: Point) -> Int {
            let value = (q - p).cross(r - p)
            return value > 0 ? 1 : value < 0 ? -1 : 0
        }
        func within(_ p: Point, _ q: Point, _ r: Point) -> Bool {
            min(p.x, q.x) <= r.x && r.x <= max(p.x, q.x) && min(p.y, q.y) <= r.y && r.y <= max(p.y, q.y)
        }
        let d1 = side(c, d, a), d2 = side(c, d, b), d3 = side(a, b, c), d4 = side(a, b, d)
        if d1 == 0 && d2 == 0 {
            // Collinear: overlap when the projections share more than a point.
            let direction = b - a
            let t = [c, d].map { ($0 - a).dot(direction) }
            let low = max(0, min(t[0], t[1])), high = min(direction.dot(direction), max(t[0], t[1]))
            if high > low { return .overlap }
            if high == low { return .point(t[0] == low ? c : t[1] == low ? d : (low == 0 ? a : b)) }
            return .none
        }
        if d1 * d2 < 0 && d3 * d4 < 0 { return .crossing(near: a) }
        if d1 == 0 && within(c, d, a) { return .point(a) }
        if d2 == 0 && within(c, d, b) { return .point(b) }
        if d3 == 0 && within(a, b, c) { return .point(c) }
        if d4 == 0 && within(a, b, d) { return .point(d) }
        return .none
    }

    enum Location { case inside, outside, boundary }

    /// Where `ring` lies relative to `around`, judged at the middle of the first of its edges whose middle is not
    /// on `around` (rings that neither cross nor share edges lie wholly on one side).
    static func location(of ring: [Point], in around: [Point]) -> Location {
        for k in ring.indices {
            let a = ring[k], b = ring[(k + 1) % ring.count]
            let doubled = Point(x: a.x + b.x, y: a.y + b.y)
            let where_ = locate(doubled: doubled, in: around)
            if where_ != .boundary { return where_ }
        }
        return .boundary
    }

    /// Where the point `doubled` / 2 lies relative to `ring` (even-odd rule).
    static func locate(doubled p: Point, in ring: [Point]) -> Location {
        var inside = false
        for k in ring.indices {
            let a = Point(x: 2 * ring[k].x, y: 2 * ring[k].y) - p
            let b = Point(x: 2 * ring[(k + 1) % ring.count].x, y: 2 * ring[(k + 1) % ring.count].y) - p
            let cross = a.cross(b)
            if cross == 0 && a.dot(b) <= 0 { return .boundary }
            if (a.y > 0) != (b.y > 0) {
                // The edge crosses the horizontal through the point east of it.
                let east = b.y > a.y ? cross > 0 : cross < 0
                if east { inside.toggle() }
            }
        }
        return inside ? .inside : .outside
    }

    // MARK: Coverage of sets of features

    /// Areas (m²) of a weighted sum of features' indicator functions W: where W ≥ 2, where W < 0, where W ≠ 0 and
    /// where W ≥ 1. Valid features only: each polygon's outer ring counts +1 inside, each hole −1.
    struct Coverage {
        var overlap = 0.0
        var negative = 0.0
        var nonZero = 0.0
        var covered = 0.0
    }

    /// The coverage of `weighted` features, by slabs between consecutive vertex heights: inside a slab no two
    /// edges cross (checked per feature; across features the caller checks overlap), so lengths at the slab's
    /// middle times its height are exact areas.
    static func coverage(_ weighted: [(feature: Feature, weight: Int)]) -> Coverage {
        struct Edge {
            var low: Point, high: Point, delta: Int
        }
        var edges: [Edge] = []
        for (feature, weight) in weighted {
            for polygon in feature.polygons {
                for (r, raw) in polygon.enumerated() {
                    var ring = cleaned(raw)
                    guard ring.count >= 3 else { continue }
                    // Outer rings counter-clockwise, holes clockwise, whatever the file's orientation.
                    if (twiceArea(ring) > 0) != (r == 0) { ring.reverse() }
                    for k in ring.indices {
                        let a = ring[k], b = ring[(k + 1) % ring.count]
                        guard a.y != b.y else { continue }
                        // Going east, a downward edge of a counter-clockwise ring enters it.
                        edges.append(b.y < a.y
                            ? Edge(low: b, high: a, delta: weight) : Edge(low: a, high: b, delta: -weight))
                    }
                }
            }
        }
        edges.sort { $0.low.y < $1.low.y }
        let heights = Array(Set(edges.flatMap { [$0.low.y, $0.high.y] })).sorted()
        var result = Coverage()
        var active: [Edge] = []
        var next = 0
        for (y0, y1) in zip(heights, heights.dropFirst()) {
            active.removeAll { $0.high.y <= y0 }
            while next < edges.count && edges[next].low.y <= y0 {
                if edges[next].high.y > y0 { active.append(edges[next]) }
                next += 1
            }
            let middle = (Double(y0) + Double(y1)) / 2
            let crossings = active.map { edge -> (x: Double, delta: Int) in
                let t = (middle - Double(edge.low.y)) / Double(edge.high.y - edge.low.y)
                return (Double(edge.low.x) + t * Double(edge.high.x - edge.low.x), edge.delta)
            }.sorted { $0.x < $1.x }
            let height = Double(y1 - y0) / 100
            var winding = 0
            for (k, crossing) in crossings.enumerated() {
                winding += crossing.delta
                guard k + 1 < crossings.count else { break }
                let length = (crossings[k + 1].x - crossing.x) / 100
                if winding >= 2 { result.overlap += length * height }
                if winding < 0 { result.negative += length * height }
                if winding != 0 { result.nonZero += length * height }
                if winding >= 1 { result.covered += length * height }
            }
        }
        return result
    }

    /// The area (m²) of a valid feature: outer rings minus holes.
    static func area(_ feature: Feature) -> Double {
        feature.polygons.reduce(0.0) { sum, polygon in
            polygon.enumerated().reduce(sum) { total, ring in
                let value = Double(abs(twiceArea(cleaned(ring.element)))) / 2 / 10_000
                return total + (ring.offset == 0 ? value : -value)
            }
        }
    }
}
