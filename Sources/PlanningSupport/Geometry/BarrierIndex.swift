import GridModel

/// Barrier segments bucketed by the grid cells their bounding boxes cover, for fast crossing tests.
struct BarrierIndex {
    let cell: Double
    private let segments: [Segment]
    private var buckets: [SpatialGrid.Key: [Int]] = [:]

    init(segments: [Segment], cell: Double) {
        self.cell = cell
        // A segment with a non-finite end cannot be bucketed or crossed.
        self.segments = segments.filter { [$0.start.x, $0.start.y, $0.end.x, $0.end.y].allSatisfy(\.isFinite) }
        for (index, segment) in self.segments.enumerated() {
            for key in keys(covering: segment) {
                buckets[key, default: []].append(index)
            }
        }
    }

    private func keys(covering segment: Segment) -> [SpatialGrid.Key] {
        let minColumn = Int((min(segment.start.x, segment.end.x) / cell).rounded(.down))
        let maxColumn = Int((max(segment.start.x, segment.end.x) / cell).rounded(.down))
        let minRow = Int((min(segment.start.y, segment.end.y) / cell).rounded(.down))
        let maxRow = Int((max(segment.start.y, segment.end.y) / cell).rounded(.down))
        var keys: [SpatialGrid.Key] = []
        for column in minColumn...maxColumn {
            for row in minRow...maxRow {
                keys.append(SpatialGrid.Key(column: column, row: row))
            }
        }
        return keys
    }

    /// Whether the segment from `a` to `b` crosses (or touches) any barrier.
    func crosses(_ a: PlanarPoint, _ b: PlanarPoint) -> Bool {
        guard !segments.isEmpty else { return false }
        let edge = Segment(start: a, end: b)
        var seen = Set<Int>()
        for key in keys(covering: edge) {
            for index in buckets[key] ?? [] where seen.insert(index).inserted {
                if segments[index].intersects(edge) { return true }
            }
        }
        return false
    }
}
