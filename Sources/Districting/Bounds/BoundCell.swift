/// A rectangle of candidate centres in ``PartitionCostBound``'s cover: a centre anywhere inside it costs each point
/// at least the point's least distance to the rectangle. Cells are quadtree leaves clipped to the points' bounding
/// box, so together they always cover every place a part's centroid can be.
struct BoundCell: Sendable, Hashable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double
    /// Times the first cover's cell was halved to reach this one.
    var depth: Int

    /// The four quarters of the cell (halved in both directions), which cover it.
    func quarters() -> [BoundCell] {
        let midX = (minX + maxX) / 2, midY = (minY + maxY) / 2
        return [
            BoundCell(minX: minX, minY: minY, maxX: midX, maxY: midY, depth: depth + 1),
            BoundCell(minX: midX, minY: minY, maxX: maxX, maxY: midY, depth: depth + 1),
            BoundCell(minX: minX, minY: midY, maxX: midX, maxY: maxY, depth: depth + 1),
            BoundCell(minX: midX, minY: midY, maxX: maxX, maxY: maxY, depth: depth + 1),
        ]
    }
}
