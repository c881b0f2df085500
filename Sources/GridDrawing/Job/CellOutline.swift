import GridModel

/// The outline of a group of Voronoi cells (a grid or a micro-grid): the union of the cells as polygons with holes,
/// so that a map shows one outline per grid rather than its cells.
///
/// Cells of one diagram share edges: an edge of cell i made by neighbour j has its twin in cell j made by i. Edges
/// whose twin lies in the group are dropped; the others are chained into rings by turning around each vertex
/// through the dropped edges (a half-edge walk, so no coordinates need to match). Rings come out counter-clockwise
/// for outer boundaries and clockwise for holes; each hole goes to the smallest outer ring around it (gaps under
/// 1 m² that clipping leaves between cells near their radius are closed). When the walk
/// finds no consistent chain (cells clipped to their radius can leave a twin missing), the cells are returned as
/// they are, which covers the same ground.
enum CellOutline {
    /// The polygons of the union of `members`' cells, each an outer ring then its holes (rings not closed).
    ///
    /// - Complexity: O(e × d) for the e edges of the members' cells and d the edges of a cell.
    static func polygons(of members: [Int], in cells: VoronoiCells) -> [[[PlanarPoint]]] {
        let inside = Set(members.filter { !cells.polygons[$0].isEmpty })
        let fallback = inside.sorted().map { [cells.polygons[$0]] }
        guard inside.count > 1, let rings = rings(of: inside, in: cells) else { return fallback }
        var outer: [(ring: [PlanarPoint], area: Double, holes: [[PlanarPoint]])] = []
        var holes: [[PlanarPoint]] = []
        for ring in rings {
            let area = signedArea(ring)
            // A hole under 1 m² is such a gap between clipped cells, not another grid: it is left out.
            if area > 0 { outer.append((ring, area, [])) } else if area < -1 { holes.append(ring) }
        }
        for hole in holes {
            let around = outer.indices.filter { contains(outer[$0].ring, hole[0]) }
            guard let smallest = around.min(by: { outer[$0].area < outer[$1].area }) else { return fallback }
            outer[smallest].holes.append(hole)
        }
        return outer.map { [$0.ring] + $0.holes }
    }

    /// The boundary rings of the union, or nil when the edges do not chain.
    static func rings(of inside: Set<Int>, in cells: VoronoiCells) -> [[PlanarPoint]]? {
        let tags = cells.edgeNeighbours
        /// The index of the twin of edge k of cell c when that twin lies in the group.
        func twin(_ c: Int, _ k: Int) -> Int? {
            let t = tags[c][k]
            guard t >= 0, inside.contains(t) else { return nil }
            return tags[t].firstIndex(of: c)
        }
        let total = inside.reduce(0) { $0 + tags[$1].count }
        var visited = Set<Int>()
        func key(_ c: Int, _ k: Int) -> Int { c &* 4_096 &+ k }
        var rings: [[PlanarPoint]] = []
        for start in inside.sorted() {
            for edge in tags[start].indices where twin(start, edge) == nil && !visited.contains(key(start, edge)) {
                var ring: [PlanarPoint] = []
                var (cell, k) = (start, edge)
                repeat {
                    guard visited.insert(key(cell, k)).inserted, ring.count <= total else { return nil }
                    let point = cells.polygons[cell][k]
                    if let last = ring.last, last.distance(to: point) < 1e-6 {
                        // The same vertex reached from the next cell: keep one.
                    } else {
                        ring.append(point)
                    }
                    // The next boundary edge from the end of this one: turn through edges shared inside the group.
                    var (next, index) = (cell, (k + 1) % tags[cell].count)
                    var turns = 0
                    while let m = twin(next, index) {
                        next = tags[next][index]
                        index = (m + 1) % tags[next].count
                        turns += 1
                        if turns > 64 { return nil }
                    }
                    if turns > 0 {
                        // Cells clipped to their radius may end a shared edge at slightly different points: keep
                        // this edge's end too, so that the ring follows the cells exactly.
                        let end = cells.polygons[cell][(k + 1) % tags[cell].count]
                        if let last = ring.last, last.distance(to: end) >= 1e-6 { ring.append(end) }
                    }
                    (cell, k) = (next, index)
                } while (cell, k) != (start, edge)
                if let first = ring.first, let last = ring.last, ring.count > 1, first.distance(to: last) < 1e-6 {
                    ring.removeLast()
                }
                // Three cells clipped near their radius can leave a gap of a few centimetres: a ring of two points.
                if ring.count >= 3 { rings.append(ring) }
            }
        }
        return rings
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
