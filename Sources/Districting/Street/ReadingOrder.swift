import GridModel

/// Numbers places west→east within rows that run north→south (the Beijing / Xi'an grid code order).
enum ReadingOrder {
    /// The order of `centres` (indices), rows about √count deep, ties broken by index.
    static func order(_ centres: [PlanarPoint]) -> [Int] {
        guard centres.count > 1 else { return Array(centres.indices) }
        let minY = centres.map(\.y).min() ?? 0
        let maxY = centres.map(\.y).max() ?? 0
        let rows = max(1, Int(Double(centres.count).squareRoot().rounded()))
        let height = max((maxY - minY) / Double(rows), 1e-9)
        func row(_ index: Int) -> Int { min(rows - 1, Int((maxY - centres[index].y) / height)) }
        return centres.indices.sorted { a, b in
            let ra = row(a), rb = row(b)
            if ra != rb { return ra < rb }
            if centres[a].x != centres[b].x { return centres[a].x < centres[b].x }
            return a < b
        }
    }
}
