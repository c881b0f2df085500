import Foundation
import GridModel

/// Voronoi cells of buildings, each clipped to a regular polygon of radius `radius` around its building, so that
/// a lone building at the edge of a street gets a bounded cell rather than one reaching the bounding box.
///
/// A cell is the intersection of the half-planes "closer to this building than to that one" for every building
/// within 2 × `radius` (no other building can cut a cell that stays inside the radius), computed by clipping the
/// convex start polygon one half-plane at a time. Each cell edge remembers the building whose bisector made it
/// (-1 for the outer radius), which gives grid and micro-grid boundaries for the map. Cells never overlap; a
/// building at exactly the position of a lower-indexed one gets no cell of its own.
public struct VoronoiCells: Sendable {
    /// The cell of each point (counter-clockwise), empty for a duplicate position.
    public let polygons: [[PlanarPoint]]
    /// For each cell, the neighbour whose bisector makes edge k (from vertex k to k + 1), or -1 for the outer edge.
    public let edgeNeighbours: [[Int]]

    /// Sides of the polygon that stands in for the clipping disk.
    static let sides = 16

    /// The cells of `points` clipped to `radius` metres.
    ///
    /// - Complexity: O(n × k) for k points within 2 × `radius` of a point.
    public init(points: [PlanarPoint], radius: Double) {
        let reach = 2 * radius
        var buckets: [Int64: [Int]] = [:]
        func key(_ cx: Int64, _ cy: Int64) -> Int64 { cx &* 1_000_003 &+ cy }
        func cell(_ p: PlanarPoint) -> (Int64, Int64) {
            (Int64((p.x / reach).rounded(.down)), Int64((p.y / reach).rounded(.down)))
        }
        for (index, point) in points.enumerated() {
            let (cx, cy) = cell(point)
            buckets[key(cx, cy), default: []].append(index)
        }
        var polygons: [[PlanarPoint]] = []
        var tags: [[Int]] = []
        polygons.reserveCapacity(points.count)
        tags.reserveCapacity(points.count)
        for (index, site) in points.enumerated() {
            // Work relative to the site: smaller numbers, fewer rounding errors.
            var vertices: [PlanarPoint] = (0..<Self.sides).map { k in
                let angle = 2 * Double.pi * Double(k) / Double(Self.sides)
                return PlanarPoint(x: radius * cos(angle), y: radius * sin(angle))
            }
            var edges = Array(repeating: -1, count: Self.sides)
            var duplicate = false
            let (cx, cy) = cell(site)
            var near: [Int] = []
            for dx in -1...1 {
                for dy in -1...1 {
                    near += buckets[key(cx + Int64(dx), cy + Int64(dy))] ?? []
                }
            }
            near.sort()
            for other in near where other != index {
                let d = PlanarPoint(x: points[other].x - site.x, y: points[other].y - site.y)
                let squared = d.x * d.x + d.y * d.y
                if squared < 1e-12 {
                    if other < index { duplicate = true }
                    continue
                }
                if squared > reach * reach { continue }
                Self.clip(&vertices, &edges, normal: d, offset: squared / 2, tag: other)
                if vertices.isEmpty { break }
            }
            if duplicate || vertices.count < 3 {
                polygons.append([])
                tags.append([])
            } else {
                polygons.append(vertices.map { PlanarPoint(x: $0.x + site.x, y: $0.y + site.y) })
                tags.append(edges)
            }
        }
        self.polygons = polygons
        edgeNeighbours = tags
    }

    /// Keeps the part of a convex polygon where `normal · x <= offset`; the new edge along the line gets `tag`.
    static func clip(_ vertices: inout [PlanarPoint], _ edges: inout [Int], normal: PlanarPoint, offset: Double,
                     tag: Int) {
        let count = vertices.count
        func value(_ p: PlanarPoint) -> Double { normal.x * p.x + normal.y * p.y - offset }
        let values = vertices.map(value)
        guard values.contains(where: { $0 > 0 }) else { return }
        var outVertices: [PlanarPoint] = []
        var outEdges: [Int] = []
        for k in 0..<count {
            let a = vertices[k], b = vertices[(k + 1) % count]
            let va = values[k], vb = values[(k + 1) % count]
            func crossing() -> PlanarPoint {
                let t = va / (va - vb)
                return PlanarPoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y))
            }
            if va <= 0 {
                outVertices.append(a)
                outEdges.append(edges[k])
                if vb > 0 {
                    outVertices.append(crossing())
                    outEdges.append(tag)
                }
            } else if vb <= 0 {
                outVertices.append(crossing())
                outEdges.append(edges[k])
            }
        }
        vertices = outVertices
        edges = outEdges
    }
}
