import GridModel

/// A uniform bucket grid over planar points for radius queries.
///
/// Points are bucketed by `floor(x / cell)`, `floor(y / cell)`; a query for the pairs closer than `cell` only looks
/// at the 3 × 3 neighbouring buckets, so finding all close pairs costs O(n + pairs) for evenly spread points.
struct SpatialGrid {
    let cell: Double
    private var buckets: [Key: [Int]] = [:]
    private let points: [PlanarPoint]

    struct Key: Hashable, Comparable {
        let column: Int
        let row: Int
        static func < (lhs: Key, rhs: Key) -> Bool {
            lhs.column != rhs.column ? lhs.column < rhs.column : lhs.row < rhs.row
        }
    }

    init(points: [PlanarPoint], cell: Double) {
        self.cell = cell
        self.points = points
        for (index, point) in points.enumerated() where point.x.isFinite && point.y.isFinite {
            buckets[key(point), default: []].append(index)
        }
    }

    func key(_ point: PlanarPoint) -> Key {
        Key(column: Int((point.x / cell).rounded(.down)), row: Int((point.y / cell).rounded(.down)))
    }

    /// Every pair of points strictly closer than `radius` (which must not exceed `cell`), sorted.
    ///
    /// - Complexity: O(n + k) for k pairs when points are spread evenly.
    func pairs(closerThan radius: Double) -> [IndexPair] {
        precondition(radius <= cell, "a radius query must not exceed the bucket size")
        var result: [IndexPair] = []
        let squared = radius * radius
        for (key, members) in buckets {
            for dc in -1...1 {
                for dr in -1...1 {
                    let other = Key(column: key.column + dc, row: key.row + dr)
                    // Each unordered bucket pair is visited once: the same bucket, or the larger key.
                    guard other >= key, let candidates = buckets[other] else { continue }
                    for a in members {
                        for b in candidates where other != key || b > a {
                            let dx = points[a].x - points[b].x
                            let dy = points[a].y - points[b].y
                            if dx * dx + dy * dy < squared {
                                result.append(IndexPair(a, b))
                            }
                        }
                    }
                }
            }
        }
        return result.sorted()
    }
}
