import GridModel

/// Cuts a building's cell into north–south strips, one per micro-grid holding part of the building (its units or
/// floor bands), so that every micro-grid has ground on the map: the first weight's strip (the micro-grid holding
/// most of the building) contains the building's point, the others share what is left west and east of it. Strip
/// widths follow the weights (a side left without another strip goes to the first); the strips partition the cell.
enum CellStrips {
    /// The strips of convex `cell` around `site`, in the order of `weights` (all positive); empty polygons where a
    /// side has no width left.
    ///
    /// - Complexity: O(k × v) for k weights and v vertices.
    static func strips(of cell: [PlanarPoint], site: PlanarPoint, weights: [Int]) -> [[PlanarPoint]] {
        guard weights.count > 1, cell.count >= 3, let minX = cell.map(\.x).min(), let maxX = cell.map(\.x).max(),
            maxX > minX
        else { return weights.indices.map { $0 == 0 ? cell : [] } }
        let total = Double(weights.reduce(0) { $0 + max(1, $1) })
        let width = maxX - minX
        let main = width * Double(max(1, weights[0])) / total
        var left = max(minX, site.x - main / 2)
        let right = min(maxX, left + main)
        left = max(minX, right - main)
        // The others: the first half west of the main strip, the rest east (all on one side when the other has no
        // room), each side cut in proportion to their weights.
        let others = Array(weights.indices.dropFirst())
        var west = Array(others.prefix(others.count / 2)), east = Array(others.dropFirst(others.count / 2))
        if left - minX < 1e-9 {
            east = west + east
            west = []
        } else if maxX - right < 1e-9 {
            west += east
            east = []
        }
        var bands = Array(repeating: (low: 0.0, high: 0.0), count: weights.count)
        // A side with no other strip goes to the main one.
        bands[0] = (west.isEmpty ? minX : left, east.isEmpty ? maxX : right)
        func share(_ members: [Int], from low: Double, to high: Double) {
            let sum = Double(members.reduce(0) { $0 + max(1, weights[$1]) })
            var start = low
            for member in members {
                let end = start + (high - low) * Double(max(1, weights[member])) / sum
                bands[member] = (start, member == members.last ? high : end)
                start = end
            }
        }
        share(west, from: minX, to: left)
        share(east, from: right, to: maxX)
        return bands.map { band in
            guard band.high - band.low > 1e-9 else { return [] }
            var vertices = cell
            var edges = Array(repeating: -1, count: cell.count)
            // Keep x ≤ high, then x ≥ low (as -x ≤ -low).
            VoronoiCells.clip(&vertices, &edges, normal: PlanarPoint(x: 1, y: 0), offset: band.high, tag: -1)
            VoronoiCells.clip(&vertices, &edges, normal: PlanarPoint(x: -1, y: 0), offset: -band.low, tag: -1)
            return vertices.count >= 3 ? vertices : []
        }
    }
}
