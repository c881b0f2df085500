import GridModel

/// The outline of a group of map pieces (a grid or a micro-grid): the union of its pieces as valid polygons with
/// holes (OGC simple features), so that a map shows one outline per grid rather than its cells.
///
/// The pieces of a ``CellMesh`` share edges exactly, so the union's boundary is what is left when each edge
/// shared by two pieces of the group cancels out (an edge walked one way by one piece and the other way by its
/// neighbour). The boundary edges are chained into rings by keeping, at each vertex, to the corner of the union the
/// walk came in by (the first outgoing edge clockwise from the incoming one): two parts that touch at a vertex stay
/// two rings. A walk that comes back to a vertex (a hole touching its outer ring, or two holes touching) is cut
/// there into simple rings. Counter-clockwise rings are outer rings, clockwise ones holes, each hole in the
/// smallest outer ring around it. All of it is integer arithmetic on the lattice, so each answer is exact.
enum CellOutline {
    /// The polygons of the union of `members`' pieces in planar metres, each its outer ring (counter-clockwise)
    /// then its holes (clockwise); rings are not closed and have no vertex in a straight run.
    ///
    /// - Complexity: O(e log e) for the e edges of the members' pieces.
    static func polygons(of members: [Int], in mesh: CellMesh) -> [[[PlanarPoint]]] {
        var shells: [(ring: [MeshPoint], area: Int64, holes: [[MeshPoint]])] = []
        var holes: [[MeshPoint]] = []
        for walk in walks(boundaryEdges(of: members, in: mesh)) {
            for ring in simpleRings(walk).map(withoutStraightVertices) where ring.count >= 3 {
                let area = twiceSignedArea(ring)
                if area > 0 { shells.append((ring, area, [])) } else if area < 0 { holes.append(ring) }
            }
        }
        for hole in holes {
            // The middle of an edge of the hole lies on no other ring (rings share no edge), so the test is sharp.
            let probe = MeshPoint(x: hole[0].x + hole[1].x, y: hole[0].y + hole[1].y)
            let around = shells.indices.filter { encloses(shells[$0].ring, doubledPoint: probe) }
            // A hole outside every outer ring cannot come out of a union of pieces; it is left out rather than
            // written as an invalid polygon.
            guard let smallest = around.min(by: { shells[$0].area < shells[$1].area }) else { continue }
            shells[smallest].holes.append(hole)
        }
        return shells.map { shell in
            ([shell.ring] + shell.holes).map { $0.map(\.planar) }
        }
    }

    /// The outline of `members`' Voronoi cells alone (no strips).
    static func polygons(of members: [Int], in cells: VoronoiCells) -> [[[PlanarPoint]]] {
        polygons(of: members, in: CellMesh(pieces: cells.polygons))
    }

    /// The union's boundary: each directed edge of the members' pieces whose reverse is not also there, as many
    /// times as it is left over, listed by start point.
    static func boundaryEdges(of members: [Int], in mesh: CellMesh) -> [MeshPoint: [MeshPoint]] {
        // Signed count of each undirected edge: +1 per walk from its lower end, -1 per walk from its upper end.
        var count: [EdgeSpan: Int] = [:]
        for member in Set(members) {
            let piece = mesh.pieces[member]
            for (k, a) in piece.enumerated() {
                let b = piece[(k + 1) % piece.count]
                guard a != b else { continue }
                count[EdgeSpan(low: min(a, b), high: max(a, b)), default: 0] += a < b ? 1 : -1
            }
        }
        var outgoing: [MeshPoint: [MeshPoint]] = [:]
        for (span, net) in count where net != 0 {
            let (from, to) = net > 0 ? (span.low, span.high) : (span.high, span.low)
            outgoing[from, default: []] += Array(repeating: to, count: abs(net))
        }
        return outgoing.mapValues { $0.sorted() }
    }

    /// Closed walks along `outgoing`, each turning at every vertex into the first outgoing edge clockwise from the
    /// edge it came in by; each walk is its vertices in order (the last joins the first).
    static func walks(_ outgoing: [MeshPoint: [MeshPoint]]) -> [[MeshPoint]] {
        var unused = outgoing
        var walks: [[MeshPoint]] = []
        for start in outgoing.keys.sorted() {
            while let firstTarget = unused[start]?.first {
                unused[start]?.removeFirst()
                var walk = [start]
                var (previous, current) = (start, firstTarget)
                while true {
                    // The start edge stays a candidate at the start, so that the walk closes where it should.
                    var candidates = unused[current] ?? []
                    if current == start { candidates.append(firstTarget) }
                    guard let next = firstClockwise(from: previous - current, among: candidates, at: current) else {
                        break
                    }
                    if current == start && next == firstTarget { break }
                    walk.append(current)
                    if let index = unused[current]?.firstIndex(of: next) { unused[current]?.remove(at: index) }
                    (previous, current) = (current, next)
                }
                walks.append(walk)
            }
        }
        return walks
    }

    /// Of the edges from `vertex` to `targets`, the first met turning clockwise from direction `back` (the edge
    /// the walk came in by, seen from `vertex`); the way straight back comes last.
    static func firstClockwise(from back: MeshPoint, among targets: [MeshPoint], at vertex: MeshPoint) -> MeshPoint? {
        /// 0: less than half a turn clockwise, 1: half a turn, 2: more, 3: a full turn (straight back).
        func half(_ d: MeshPoint) -> Int {
            let cross = back.cross(d)
            if cross < 0 { return 0 }
            if cross > 0 { return 2 }
            return back.dot(d) < 0 ? 1 : 3
        }
        func before(_ a: MeshPoint, _ b: MeshPoint) -> Bool {
            let da = a - vertex, db = b - vertex
            let (ha, hb) = (half(da), half(db))
            if ha != hb { return ha < hb }
            // In one half, `a` comes first when `b` lies clockwise of it.
            let turn = da.cross(db)
            return turn != 0 ? turn < 0 : a < b
        }
        return targets.min(by: before)
    }

    /// `walk` cut at each vertex it comes back to, into rings that pass each vertex once.
    static func simpleRings(_ walk: [MeshPoint]) -> [[MeshPoint]] {
        var rings: [[MeshPoint]] = []
        var stack: [MeshPoint] = []
        var position: [MeshPoint: Int] = [:]
        for point in walk {
            if let k = position[point] {
                rings.append(Array(stack[k...]))
                for dropped in stack[(k + 1)...] { position[dropped] = nil }
                stack.removeSubrange((k + 1)...)
            } else {
                position[point] = stack.count
                stack.append(point)
            }
        }
        rings.append(stack)
        return rings
    }

    /// `ring` without the vertices that lie inside a straight run (same line, same direction on both sides).
    static func withoutStraightVertices(_ ring: [MeshPoint]) -> [MeshPoint] {
        var kept = ring
        var changed = true
        while changed && kept.count >= 3 {
            changed = false
            var next: [MeshPoint] = []
            for (k, point) in kept.enumerated() {
                let before = next.last ?? kept[(k + kept.count - 1) % kept.count]
                let after = kept[(k + 1) % kept.count]
                let (into, out) = (point - before, after - point)
                if into.cross(out) == 0 && into.dot(out) > 0 {
                    changed = true
                } else {
                    next.append(point)
                }
            }
            kept = next
        }
        return kept
    }

    /// Twice the signed area in square lattice steps (positive counter-clockwise), relative to the first vertex so
    /// that the products stay small.
    static func twiceSignedArea(_ ring: [MeshPoint]) -> Int64 {
        guard let origin = ring.first else { return 0 }
        var area: Int64 = 0
        for k in ring.indices {
            area += (ring[k] - origin).cross(ring[(k + 1) % ring.count] - origin)
        }
        return area
    }

    /// Whether the point `doubledPoint` / 2 lies inside `ring` (even-odd), for a point on none of its edges.
    static func encloses(_ ring: [MeshPoint], doubledPoint: MeshPoint) -> Bool {
        var inside = false
        for k in ring.indices {
            let a = MeshPoint(x: 2 * ring[k].x, y: 2 * ring[k].y) - doubledPoint
            let b = MeshPoint(x: 2 * ring[(k + 1) % ring.count].x, y: 2 * ring[(k + 1) % ring.count].y) - doubledPoint
            guard (a.y > 0) != (b.y > 0) else { continue }
            // The edge crosses the ray to the east when the point lies left of an upward edge (right of a downward).
            let cross = (b - a).cross(MeshPoint(x: -a.x, y: -a.y))
            if b.y > a.y ? cross > 0 : cross < 0 { inside.toggle() }
        }
        return inside
    }

    /// An undirected edge, lower end first.
    struct EdgeSpan: Hashable {
        var low: MeshPoint
        var high: MeshPoint
    }

    /// The signed area (positive counter-clockwise).
    static func signedArea(_ ring: [PlanarPoint]) -> Double {
        var area = 0.0
        for k in ring.indices {
            let a = ring[k], b = ring[(k + 1) % ring.count]
            area += a.x * b.y - b.x * a.y
        }
        return area / 2
    }

    /// Even-odd point in ring.
    static func contains(_ ring: [PlanarPoint], _ point: PlanarPoint) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            if (a.y > point.y) != (b.y > point.y),
                point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x
            {
                inside.toggle()
            }
            j = i
        }
        return inside
    }
}
