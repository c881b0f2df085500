import GridModel

/// Derives neighbour pairs from positions, as the data-format spec says: Delaunay edges no longer than
/// `delaunayMaxLength` plus every pair closer than `closeRadius`, minus any edge that crosses a barrier.
public struct AdjacencyBuilder: Sendable, Hashable {
    /// Longest Delaunay edge kept, in metres (a rule; 260 m by default).
    public var delaunayMaxLength: Double
    /// Pairs closer than this are neighbours whatever the triangulation says, in metres (a rule; 120 m by default).
    public var closeRadius: Double

    /// A builder with the given distances in metres.
    public init(delaunayMaxLength: Double = 260, closeRadius: Double = 120) {
        self.delaunayMaxLength = delaunayMaxLength
        self.closeRadius = closeRadius
    }

    /// The neighbour pairs of `positions` (indices into it), sorted.
    ///
    /// - Complexity: expected O(n log n + pairs + pairs × barriers per cell).
    public func pairs(positions: [PlanarPoint], barriers: [Segment] = []) -> [IndexPair] {
        var result = Set<IndexPair>()
        let longest = delaunayMaxLength * delaunayMaxLength
        for edge in DelaunayTriangulation(points: positions).edges {
            let a = positions[edge.first], b = positions[edge.second]
            let dx = a.x - b.x, dy = a.y - b.y
            if dx * dx + dy * dy <= longest {
                result.insert(edge)
            }
        }
        if closeRadius > 0 {
            let grid = SpatialGrid(points: positions, cell: closeRadius)
            result.formUnion(grid.pairs(closerThan: closeRadius))
        }
        let index = BarrierIndex(segments: barriers, cell: max(delaunayMaxLength, closeRadius, 1))
        return result.filter { !index.crosses(positions[$0.first], positions[$0.second]) }.sorted()
    }

    /// The given neighbour pairs of buildings as index pairs, dropping self-pairs and pairs naming unknown ids.
    ///
    /// - Returns: the pairs (sorted) and the pairs that named an id not in `ids`.
    public static func pairs(
        given: [BuildingPair], ids: [BuildingID]
    ) -> (pairs: [IndexPair], unknown: [BuildingPair]) {
        var position: [BuildingID: Int] = [:]
        for (index, id) in ids.enumerated() {
            position[id] = index
        }
        var result = Set<IndexPair>()
        var unknown: [BuildingPair] = []
        for pair in given {
            guard let a = position[pair.first], let b = position[pair.second] else {
                unknown.append(pair)
                continue
            }
            if a != b { result.insert(IndexPair(a, b)) }
        }
        return (result.sorted(), unknown.sorted())
    }
}
