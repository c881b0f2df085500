import GridModel

/// Draws map.svg: building cells filled by grid colour, micro-grid boundaries thin, grid boundaries thick, barriers
/// red, a label with each grid's code, and a dot per building.
public struct PlanMapSVG: Sendable {
    /// A filled cell.
    public struct Cell: Sendable, Hashable {
        public var polygon: [PlanarPoint]
        /// The grid it colours as (nil: grey).
        public var gridID: GridID?
        /// Special grids are hatched grey rather than coloured.
        public var special: Bool

        /// A cell.
        public init(polygon: [PlanarPoint], gridID: GridID?, special: Bool) {
            self.polygon = polygon
            self.gridID = gridID
            self.special = special
        }
    }

    /// Width of the drawing in pixels (the height follows the street's extent).
    public var width: Double

    /// A map of `width` pixels.
    public init(width: Double = 1_600) {
        self.width = width
    }

    /// The SVG text.
    /// - Complexity: O(total vertices + segments).
    public func render(
        cells: [Cell], gridBoundaries: [Segment], microBoundaries: [Segment], barriers: [Segment],
        buildings: [PlanarPoint], labels: [(text: String, at: PlanarPoint)]
    ) -> String {
        var xs = cells.flatMap { $0.polygon.map(\.x) } + buildings.map(\.x)
        var ys = cells.flatMap { $0.polygon.map(\.y) } + buildings.map(\.y)
        if xs.isEmpty {
            xs = [0]
            ys = [0]
        }
        let minX = xs.min() ?? 0, maxX = xs.max() ?? 1, minY = ys.min() ?? 0, maxY = ys.max() ?? 1
        let margin = 10.0
        let scale = (width - 2 * margin) / max(maxX - minX, 1)
        let height = (maxY - minY) * scale + 2 * margin
        func px(_ p: PlanarPoint) -> String {
            CSVNumber.fixed((p.x - minX) * scale + margin, places: 1) + ","
                + CSVNumber.fixed((maxY - p.y) * scale + margin, places: 1)
        }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(CSVNumber.fixed(width, places: 0))\" "
        out += "height=\"\(CSVNumber.fixed(height, places: 0))\" "
        out += "viewBox=\"0 0 \(CSVNumber.fixed(width, places: 0)) \(CSVNumber.fixed(height, places: 0))\">\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<g stroke=\"none\">\n"
        for cell in cells where cell.polygon.count >= 3 {
            let fill = cell.special ? "#c8c8c8" : Self.colour(cell.gridID)
            out += "<polygon points=\"\(cell.polygon.map(px).joined(separator: " "))\" fill=\"\(fill)\"/>\n"
        }
        out += "</g>\n"
        func lines(_ segments: [Segment], stroke: String, width: Double) {
            guard !segments.isEmpty else { return }
            out += "<path fill=\"none\" stroke=\"\(stroke)\" "
            out += "stroke-width=\"\(CSVNumber.trimmed(width, maxPlaces: 2))\" d=\""
            for segment in segments { out += "M\(px(segment.start))L\(px(segment.end))" }
            out += "\"/>\n"
        }
        lines(microBoundaries, stroke: "#666666", width: 0.6)
        lines(gridBoundaries, stroke: "#111111", width: 2)
        lines(barriers, stroke: "#d62728", width: 3)
        out += "<g fill=\"#222222\">\n"
        for point in buildings {
            let xy = px(point).split(separator: ",")
            out += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"1.5\"/>\n"
        }
        out += "</g>\n<g font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"middle\" fill=\"#000000\">\n"
        for label in labels {
            let xy = px(label.at).split(separator: ",")
            out += "<text x=\"\(xy[0])\" y=\"\(xy[1])\">\(Self.escaped(label.text))</text>\n"
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// A pastel colour chosen from the grid id's bytes (stable across runs).
    static func colour(_ grid: GridID?) -> String {
        guard let grid else { return "#eeeeee" }
        var hash: UInt64 = 1_469_598_103_934_665_603
        for byte in grid.rawValue.utf8 {
            hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211
        }
        let hue = Double(hash % 360)
        return hsl(hue, saturation: 0.55, lightness: 0.78)
    }

    static func hsl(_ hue: Double, saturation: Double, lightness: Double) -> String {
        let c = (1 - abs(2 * lightness - 1)) * saturation
        let h = hue / 60
        let x = c * (1 - abs(h.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double)
        switch Int(h) {
        case 0: (r, g, b) = (c, x, 0)
        case 1: (r, g, b) = (x, c, 0)
        case 2: (r, g, b) = (0, c, x)
        case 3: (r, g, b) = (0, x, c)
        case 4: (r, g, b) = (x, 0, c)
        default: (r, g, b) = (c, 0, x)
        }
        let m = lightness - c / 2
        func hex(_ v: Double) -> String {
            let n = Int(((v + m) * 255).rounded())
            let digits = String(min(max(n, 0), 255), radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return "#" + hex(r) + hex(g) + hex(b)
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
