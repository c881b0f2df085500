import GridModel

extension GridPlanShapes {
    /// Cell edges between buildings of different communities, and a community's outer edge, by community (an edge
    /// between two communities is listed under both).
    /// - Complexity: O(total cell edges).
    public func communityBoundaries() -> [CommunityID: [Segment]] {
        var result: [CommunityID: [Segment]] = [:]
        for (i, polygon) in cells.polygons.enumerated() where !polygon.isEmpty {
            let community = buildings[i].communityID
            for (k, other) in cells.edgeNeighbours[i].enumerated() {
                let segment = Segment(start: polygon[k], end: polygon[(k + 1) % polygon.count])
                if other < 0 {
                    result[community, default: []].append(segment)
                } else if other > i, buildings[other].communityID != community {
                    result[community, default: []].append(segment)
                    result[buildings[other].communityID, default: []].append(segment)
                }
            }
        }
        return result
    }

    /// Where a label of the buildings `members` may go, best first: their positions ordered by how deep inside
    /// `outline` they lie (distance to the nearest outline edge, farthest first; ties by building order), a
    /// pole of inaccessibility taken over the buildings. A building is always inside its own cell, so every site is
    /// inside the area, and a label there is drawn above its dot.
    /// - Complexity: O(m × e) for m members and e outline edges.
    public func labelSites(of members: [Int], outline: [Segment], limit: Int = 12) -> [PlanarPoint] {
        func depth(_ point: PlanarPoint) -> Double {
            var nearest = Double.infinity
            for segment in outline { nearest = min(nearest, Self.distance(point, to: segment)) }
            return nearest
        }
        let ranked = members.map { (index: $0, depth: depth(buildings[$0].position)) }.sorted {
            $0.depth != $1.depth ? $0.depth > $1.depth : $0.index < $1.index
        }
        return ranked.prefix(limit).map { buildings[$0.index].position }
    }

    /// Indices of the buildings of each grid (by most households).
    public func buildingsByGrid() -> [GridID: [Int]] {
        var result: [GridID: [Int]] = [:]
        for (i, grid) in gridOf.enumerated() {
            if let grid { result[grid, default: []].append(i) }
        }
        return result
    }

    /// The outline edges of a shape's polygons.
    public static func outline(of shape: Shape) -> [Segment] {
        var segments: [Segment] = []
        for polygon in shape.polygons {
            for ring in polygon where ring.count >= 2 {
                for k in ring.indices { segments.append(Segment(start: ring[k], end: ring[(k + 1) % ring.count])) }
            }
        }
        return segments
    }

    static func distance(_ point: PlanarPoint, to segment: Segment) -> Double {
        let dx = segment.end.x - segment.start.x, dy = segment.end.y - segment.start.y
        let length = dx * dx + dy * dy
        guard length > 0 else { return point.distance(to: segment.start) }
        let t = max(0, min(1, ((point.x - segment.start.x) * dx + (point.y - segment.start.y) * dy) / length))
        return point.distance(to: PlanarPoint(x: segment.start.x + t * dx, y: segment.start.y + t * dy))
    }
}
