import GridModel

/// The map's pieces (building cells, or the strips of a cell cut between micro-grids) snapped together onto the
/// centimetre lattice, so that neighbouring pieces share their vertices and edges exactly and an outline is a
/// matter of counting edges (``CellOutline``).
///
/// Floating-point cells do not tile exactly: a Voronoi vertex computed by each of its three cells differs in the
/// last bits, and cells clipped to their radius end a shared bisector at different points, so one cell's edge runs
/// past its neighbour's corner (a T-junction). Rounding each vertex alone would not fix this and could move a
/// vertex across a nearby edge. Snap rounding does (Hobby, "Practical segment intersection with finite precision
/// output", 1999; Guibas & Marimont 1998): the lattice pixel of every vertex is hot, and every edge becomes the
/// path through the centres of the hot pixels it passes through. Snapped edges never cross; an edge that runs along
/// part of another is cut at that one's corners, so the two coincide where they overlap; a sliver thinner than a
/// centimetre collapses to a line, which cancels out of any outline.
///
/// Before snapping, vertices within ``mergeDistance`` are merged so that a vertex computed twice is one vertex, and
/// each edge is snapped once for both of its directions: a shared edge gets the same path in both cells.
struct CellMesh: Sendable {
    /// Each piece's boundary on the lattice in the input's order (counter-clockwise for cells), not closed, no two
    /// consecutive points equal; empty or degenerate for a piece thinner than a centimetre.
    let pieces: [[MeshPoint]]

    /// Vertices closer than this (in lattice steps: 1 µm) are one vertex computed twice.
    static let mergeDistance = 1e-4
    /// How far past its border a pixel still catches an edge (lattice steps): an edge through a pixel's corner
    /// catches it from both of its cells, whatever the last bits of their coordinates.
    static let pixelMargin = 1e-6
    /// Side of the buckets that index hot pixels (lattice steps: about 5 m).
    static let bucketSide: Int64 = 512

    /// The pieces `polygons` (planar metres) snapped together.
    ///
    /// - Complexity: O(e × h) for e edges and h hot pixels in the buckets around an edge.
    init(pieces polygons: [[PlanarPoint]]) {
        let scale = MeshPoint.stepsPerMetre
        // 1. One vertex per position: merge the near-duplicates of a vertex computed in several cells.
        var positions: [PlanarPoint] = []
        var nearby: [BucketKey: [Int]] = [:]
        let mergeSide = Self.mergeDistance * 10
        func mergeKey(_ p: PlanarPoint) -> BucketKey {
            BucketKey(x: Int64((p.x / mergeSide).rounded(.down)), y: Int64((p.y / mergeSide).rounded(.down)))
        }
        func vertex(_ point: PlanarPoint) -> Int {
            let p = PlanarPoint(x: point.x * scale, y: point.y * scale)
            let key = mergeKey(p)
            for dx: Int64 in -1...1 {
                for dy: Int64 in -1...1 {
                    for id in nearby[BucketKey(x: key.x + dx, y: key.y + dy)] ?? []
                    where abs(positions[id].x - p.x) <= Self.mergeDistance
                        && abs(positions[id].y - p.y) <= Self.mergeDistance
                    {
                        return id
                    }
                }
            }
            positions.append(p)
            nearby[key, default: []].append(positions.count - 1)
            return positions.count - 1
        }
        let vertexIDs = polygons.map { $0.map(vertex) }
        // 2. Hot pixels, indexed by bucket.
        let pixels = positions.map { MeshPoint(x: Int64($0.x.rounded()), y: Int64($0.y.rounded())) }
        var hot = HotPixels()
        for pixel in Set(pixels).sorted() { hot.insert(pixel) }
        // 3. Each edge snapped once, for both directions.
        var paths: [EdgeKey: [MeshPoint]] = [:]
        func path(_ a: Int, _ b: Int) -> [MeshPoint] {
            let key = EdgeKey(low: min(a, b), high: max(a, b))
            let forward: [MeshPoint]
            if let known = paths[key] {
                forward = known
            } else {
                forward = hot.noded(
                    hot.snapped(from: positions[key.low], to: positions[key.high],
                                first: pixels[key.low], last: pixels[key.high]))
                paths[key] = forward
            }
            return a == key.low ? forward : forward.reversed()
        }
        pieces = vertexIDs.map { ids in
            var ring: [MeshPoint] = []
            for (k, a) in ids.enumerated() {
                let b = ids[(k + 1) % ids.count]
                guard a != b else { continue }
                for point in path(a, b).dropLast() where ring.last != point { ring.append(point) }
            }
            while ring.count > 1, ring.first == ring.last { ring.removeLast() }
            return ring
        }
    }

    /// An edge between two merged vertices, lower id first.
    struct EdgeKey: Hashable {
        var low: Int
        var high: Int
    }

    /// A bucket of a hash grid.
    struct BucketKey: Hashable {
        var x: Int64
        var y: Int64
    }

    /// The hot pixels (lattice points of the vertices), in buckets of ``CellMesh/bucketSide`` steps.
    struct HotPixels {
        var buckets: [BucketKey: [MeshPoint]] = [:]

        static func bucket(_ x: Int64) -> Int64 {
            x >= 0 ? x / CellMesh.bucketSide : -((-x + CellMesh.bucketSide - 1) / CellMesh.bucketSide)
        }

        mutating func insert(_ pixel: MeshPoint) {
            buckets[BucketKey(x: Self.bucket(pixel.x), y: Self.bucket(pixel.y)), default: []].append(pixel)
        }

        /// The hot pixels whose centres lie in the box (lattice steps), in no particular order.
        func pixels(minX: Int64, minY: Int64, maxX: Int64, maxY: Int64) -> [MeshPoint] {
            var found: [MeshPoint] = []
            for bx in Self.bucket(minX)...Self.bucket(maxX) {
                for by in Self.bucket(minY)...Self.bucket(maxY) {
                    for pixel in buckets[BucketKey(x: bx, y: by)] ?? []
                    where pixel.x >= minX && pixel.x <= maxX && pixel.y >= minY && pixel.y <= maxY {
                        found.append(pixel)
                    }
                }
            }
            return found
        }

        /// The snapped edge from `p` to `q` (lattice steps, unrounded): the centres of the hot pixels it passes
        /// through, in order, starting at `first` (the pixel of `p`) and ending at `last` (that of `q`).
        func snapped(from p: PlanarPoint, to q: PlanarPoint, first: MeshPoint, last: MeshPoint) -> [MeshPoint] {
            let candidates = pixels(
                minX: Int64(min(p.x, q.x).rounded(.down)) - 1, minY: Int64(min(p.y, q.y).rounded(.down)) - 1,
                maxX: Int64(max(p.x, q.x).rounded(.up)) + 1, maxY: Int64(max(p.y, q.y).rounded(.up)) + 1)
            var hits: [(along: Double, pixel: MeshPoint)] = []
            for pixel in candidates where pixel != first && pixel != last {
                if let along = Self.crossing(from: p, to: q, pixel: pixel) { hits.append((along, pixel)) }
            }
            hits.sort { $0.along != $1.along ? $0.along < $1.along : $0.pixel < $1.pixel }
            var path = [first]
            for hit in hits where path.last != hit.pixel { path.append(hit.pixel) }
            if path.last != last { path.append(last) }
            return path
        }

        /// Where (0…1 along the segment, the middle of its stretch inside) segment `p`–`q` passes through the
        /// pixel centred on `pixel` widened by the margin, or nil when it misses it (Liang–Barsky clipping).
        static func crossing(from p: PlanarPoint, to q: PlanarPoint, pixel: MeshPoint) -> Double? {
            let half = 0.5 + CellMesh.pixelMargin
            var enter = 0.0, exit = 1.0
            for (start, delta, centre) in [(p.x, q.x - p.x, Double(pixel.x)), (p.y, q.y - p.y, Double(pixel.y))] {
                let low = centre - half, high = centre + half
                if delta == 0 {
                    if start < low || start > high { return nil }
                } else {
                    let a = (low - start) / delta, b = (high - start) / delta
                    enter = max(enter, min(a, b))
                    exit = min(exit, max(a, b))
                    if enter > exit { return nil }
                }
            }
            return (enter + exit) / 2
        }

        /// `path` with every hot pixel that lies exactly inside one of its segments inserted there, so that a
        /// segment never passes through a vertex of another without stopping at it (exact, on the lattice).
        func noded(_ path: [MeshPoint]) -> [MeshPoint] {
            var out: [MeshPoint] = []
            for (a, b) in zip(path, path.dropFirst()) {
                out.append(a)
                let direction = b - a
                let length = direction.dot(direction)
                var inner: [(along: Int64, pixel: MeshPoint)] = []
                let around = pixels(
                    minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
                for pixel in around where pixel != a && pixel != b {
                    let offset = pixel - a
                    let along = offset.dot(direction)
                    if direction.cross(offset) == 0, along > 0, along < length { inner.append((along, pixel)) }
                }
                out += inner.sorted { $0.along < $1.along }.map(\.pixel)
            }
            if let last = path.last { out.append(last) }
            return out
        }
    }
}
