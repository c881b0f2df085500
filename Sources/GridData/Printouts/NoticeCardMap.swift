import GridModel

/// The small map on a notice card: the grid's buildings as dots (sized by households) inside a dashed outline (their
/// convex hull, a sketch of the grid's extent rather than its drawn boundary), other buildings nearby in light grey
/// for orientation, a north arrow and a scale bar. Inline SVG, so the card needs no file beside it.
struct NoticeCardMap {
    let positions: [BuildingID: PlanarPoint]
    let households: [BuildingID: Int]
    let residential: Set<BuildingID>
    /// Every building, for the grey neighbours.
    let all: [(id: BuildingID, at: PlanarPoint)]
    let gridOfBuilding: [BuildingID: GridID]

    /// Drawing size in SVG units (the page scales it).
    static let width = 480.0, height = 300.0, margin = 18.0

    init(street: Street, gridOfBuilding: [BuildingID: GridID]) {
        var positions: [BuildingID: PlanarPoint] = [:]
        var households: [BuildingID: Int] = [:]
        var residential: Set<BuildingID> = []
        for building in street.buildings {
            positions[building.id] = building.position
            households[building.id] = building.households
            if building.kind == .residential { residential.insert(building.id) }
        }
        self.positions = positions
        self.households = households
        self.residential = residential
        all = street.buildings.map { ($0.id, $0.position) }.sorted { $0.0 < $1.0 }
        self.gridOfBuilding = gridOfBuilding
    }

    /// The map of `grid`, whose buildings are `buildings`.
    func svg(of grid: GridID, buildings: [BuildingID]) -> String {
        let points = buildings.compactMap { positions[$0] }
        guard let first = points.first else { return "" }
        var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
        for point in points {
            minX = min(minX, point.x)
            maxX = max(maxX, point.x)
            minY = min(minY, point.y)
            maxY = max(maxY, point.y)
        }
        // Pad so that a one-building grid still shows its neighbours, and keep the drawing's aspect.
        let pad = max(40, 0.15 * max(maxX - minX, maxY - minY))
        minX -= pad
        maxX += pad
        minY -= pad
        maxY += pad
        let inner = (width: Self.width - 2 * Self.margin, height: Self.height - 2 * Self.margin)
        let scale = min(inner.width / (maxX - minX), inner.height / (maxY - minY))
        let offsetX = Self.margin + (inner.width - (maxX - minX) * scale) / 2
        let offsetY = Self.margin + (inner.height - (maxY - minY) * scale) / 2
        func x(_ point: PlanarPoint) -> String { Self.number(offsetX + (point.x - minX) * scale) }
        func y(_ point: PlanarPoint) -> String { Self.number(offsetY + (maxY - point.y) * scale) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" "
        svg += "role=\"img\" aria-label=\"网格示意图 Grid sketch map\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fafafa\"/>\n<g fill=\"#d0d0d0\">"
        for other in all where gridOfBuilding[other.id] != grid {
            let p = other.at
            guard p.x >= minX, p.x <= maxX, p.y >= minY, p.y <= maxY else { continue }
            svg += "<circle cx=\"\(x(p))\" cy=\"\(y(p))\" r=\"3\"/>"
        }
        svg += "</g>\n"
        let hull = Self.convexHull(points)
        if hull.count >= 3 {
            let outline = hull.map { "\(x($0)),\(y($0))" }.joined(separator: " ")
            svg += "<polygon points=\"\(outline)\" fill=\"#fde9e7\" stroke=\"#b71c1c\" stroke-width=\"1.5\" "
            svg += "stroke-dasharray=\"6 4\" stroke-linejoin=\"round\"/>\n"
        }
        svg += "<g stroke=\"#fff\" stroke-width=\"1\">"
        for building in buildings.sorted() {
            guard let p = positions[building] else { continue }
            let count = Double(households[building] ?? 0)
            if residential.contains(building) {
                let radius = Self.number(min(11, 4 + count.squareRoot() / 1.6))
                svg += "<circle cx=\"\(x(p))\" cy=\"\(y(p))\" r=\"\(radius)\" fill=\"#b71c1c\"/>"
            } else {
                svg += "<rect x=\"\(Self.number(offsetX + (p.x - minX) * scale - 5))\" "
                svg += "y=\"\(Self.number(offsetY + (maxY - p.y) * scale - 5))\" width=\"10\" height=\"10\" "
                svg += "fill=\"#555\"/>"
            }
        }
        svg += "</g>\n"
        svg += northArrow() + scaleBar(metresPerUnit: 1 / scale)
        return svg + "</svg>"
    }

    private func northArrow() -> String {
        let x = Self.width - Self.margin - 6
        let top = Self.margin
        return "<g font-size=\"12\" text-anchor=\"middle\"><path d=\"M\(Self.number(x)) \(Self.number(top)) "
            + "l6 18 l-6 -5 l-6 5 z\" fill=\"#111\"/><text x=\"\(Self.number(x))\" y=\"\(Self.number(top + 32))\">"
            + "北 N</text></g>\n"
    }

    /// A bar of a round length (10, 20, 50 … m) near a fifth of the drawing's width.
    private func scaleBar(metresPerUnit: Double) -> String {
        let target = Self.width / 5 * metresPerUnit
        var length = 10.0
        for candidate in [10.0, 20, 50, 100, 200, 500, 1000, 2000, 5000] where candidate <= target { length = candidate }
        let units = length / metresPerUnit
        let left = Self.margin
        let base = Self.height - Self.margin / 2 - 2
        return "<g font-size=\"11\"><path d=\"M\(Self.number(left)) \(Self.number(base - 5)) v5 h\(Self.number(units)) "
            + "v-5\" fill=\"none\" stroke=\"#111\" stroke-width=\"1.5\"/><text x=\"\(Self.number(left + units + 4))\" "
            + "y=\"\(Self.number(base))\">\(Int(length)) 米 m</text></g>\n"
    }

    /// The convex hull, counter-clockwise (Andrew's monotone chain).
    /// - Complexity: O(n log n).
    static func convexHull(_ points: [PlanarPoint]) -> [PlanarPoint] {
        let sorted = Array(Set(points)).sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        guard sorted.count >= 3 else { return sorted }
        func cross(_ o: PlanarPoint, _ a: PlanarPoint, _ b: PlanarPoint) -> Double {
            (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
        }
        var lower: [PlanarPoint] = []
        for point in sorted {
            while lower.count >= 2, cross(lower[lower.count - 2], lower[lower.count - 1], point) <= 0 {
                lower.removeLast()
            }
            lower.append(point)
        }
        var upper: [PlanarPoint] = []
        for point in sorted.reversed() {
            while upper.count >= 2, cross(upper[upper.count - 2], upper[upper.count - 1], point) <= 0 {
                upper.removeLast()
            }
            upper.append(point)
        }
        return Array(lower.dropLast() + upper.dropLast())
    }

    /// One decimal, as the other SVG writers print coordinates.
    static func number(_ value: Double) -> String { CSVNumber.fixed(value, places: 1) }
}
