import GridModel

/// Draws map.svg, the street's grid map as a planner pins it on the wall: one A4 landscape page with a title, the
/// map (building cells filled by grid colour, special grids hatched grey, micro-grid outlines thin, grid outlines
/// thick, community outlines dashed, barriers red, a dot per building, grid labels and community names above
/// everything with a white halo), a legend, a scale bar in metres with the printed scale, and a north arrow.
///
/// The page is 297 × 210 mm (`width`/`height` in millimetres, so that a browser or Inkscape prints it at size); the
/// drawing unit is a quarter millimetre. x runs east and y north in the street's frame, so north is up. Labels are
/// placed greedily, grids first: each at the first of its sites (best first) whose text box fits inside the map and
/// clears the labels already placed, else at its best site.
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

    /// A label and where it may go.
    public struct Label: Sendable, Hashable {
        /// How a label looks: a community's name is large and blue, a grid's code bold over its short name, a
        /// special grid's code small.
        public enum Style: Sendable, Hashable {
            case community
            case grid
            case specialGrid
        }

        /// Lines of text, top first.
        public var lines: [String]
        /// Places in the street's metres, best first (at least one).
        public var sites: [PlanarPoint]
        public var style: Style

        /// A label of `lines` at the first free one of `sites`.
        public init(lines: [String], sites: [PlanarPoint], style: Style) {
            self.lines = lines
            self.sites = sites
            self.style = style
        }
    }

    /// Everything the map shows, in the street's planar metres.
    public struct Content: Sendable {
        /// The page's title (the street's name and what the map is).
        public var title: String
        /// One line of figures under the title.
        public var summary: String
        public var cells: [Cell]
        public var gridBoundaries: [Segment]
        public var microBoundaries: [Segment]
        public var communityBoundaries: [Segment]
        public var barriers: [Segment]
        public var buildings: [PlanarPoint]
        public var labels: [Label]

        /// A map's content.
        public init(
            title: String, summary: String, cells: [Cell], gridBoundaries: [Segment], microBoundaries: [Segment],
            communityBoundaries: [Segment], barriers: [Segment], buildings: [PlanarPoint], labels: [Label]
        ) {
            self.title = title
            self.summary = summary
            self.cells = cells
            self.gridBoundaries = gridBoundaries
            self.microBoundaries = microBoundaries
            self.communityBoundaries = communityBoundaries
            self.barriers = barriers
            self.buildings = buildings
            self.labels = labels
        }
    }

    /// A4 landscape, in millimetres.
    static let pageWidth = 297.0, pageHeight = 210.0
    /// Drawing units per millimetre.
    static let unitsPerMillimetre = 4.0
    /// Page margin, legend column width and the gap between map and legend, in drawing units.
    static let margin = 40.0, legendWidth = 240.0, gap = 20.0
    /// The map frame's top (below the title and summary).
    static let frameTop = 108.0
    static let fontFamily = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

    /// A map on one A4 landscape page.
    public init() {}

    /// The SVG text.
    /// - Complexity: O(total vertices + segments + labels² × sites).
    public func render(_ content: Content) -> String {
        let width = Self.pageWidth * Self.unitsPerMillimetre, height = Self.pageHeight * Self.unitsPerMillimetre
        let frame = Box(
            left: Self.margin, top: Self.frameTop, right: width - Self.margin - Self.legendWidth - Self.gap,
            bottom: height - Self.margin)
        let placement = Placement(content: content, frame: frame)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(Self.pageWidth))mm\" "
        out += "height=\"\(Int(Self.pageHeight))mm\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        out += "font-family=\"\(Self.fontFamily)\">\n"
        out += "<title>\(Self.escaped(content.title))</title>\n"
        out += "<style>@page { size: A4 landscape; margin: 0 } svg { display: block }</style>\n"
        out += "<defs><pattern id=\"special\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        out += "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#dddddd\"/>"
        out += "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#a0a0a0\" stroke-width=\"2\"/></pattern>"
        out += "<clipPath id=\"frame\"><rect x=\"\(n(frame.left))\" y=\"\(n(frame.top))\" "
        out += "width=\"\(n(frame.width))\" height=\"\(n(frame.height))\"/></clipPath></defs>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        out += text(content.title, x: Self.margin, y: 70, size: 28, attributes: "font-weight=\"bold\"")
        out += text(content.summary, x: Self.margin, y: 94, size: 13, attributes: "fill=\"#444444\"")
        out += "<g clip-path=\"url(#frame)\">\n"
        out += drawing(content, placement)
        out += "</g>\n"
        out += "<rect x=\"\(n(frame.left))\" y=\"\(n(frame.top))\" width=\"\(n(frame.width))\" "
        out += "height=\"\(n(frame.height))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        out += northArrow(x: frame.right - 30, y: frame.top + 18)
        out += scaleBar(placement, x: frame.left + 14, y: frame.bottom - 18)
        out += legend(x: frame.right + Self.gap, y: frame.top)
        out += "</svg>\n"
        return out
    }

    /// Cells, lines, dots and labels.
    private func drawing(_ content: Content, _ placement: Placement) -> String {
        var out = "<g stroke=\"none\">\n"
        for cell in content.cells where cell.polygon.count >= 3 {
            let fill = cell.special ? "url(#special)" : Self.colour(cell.gridID)
            out += "<polygon points=\"\(cell.polygon.map(placement.xy).joined(separator: " "))\" fill=\"\(fill)\"/>\n"
        }
        out += "</g>\n"
        out += lines(content.microBoundaries, placement, stroke: "#777777", width: 0.5)
        out += lines(content.gridBoundaries, placement, stroke: "#111111", width: 1.6)
        out += lines(content.communityBoundaries, placement, stroke: "#1f3a93", width: 2.8, dash: "10 5")
        out += lines(content.barriers, placement, stroke: "#d62728", width: 3, opacity: 0.85)
        out += "<g fill=\"#222222\">\n"
        for point in content.buildings {
            let p = placement.point(point)
            out += "<circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"1.4\"/>\n"
        }
        out += "</g>\n"
        out += "<g text-anchor=\"middle\" stroke=\"#ffffff\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n"
        for (label, box) in placement.labels {
            let style = Self.style(label.style)
            var y = box.top + style.size
            for (index, line) in label.lines.enumerated() {
                let size = index == 0 ? style.size : style.size * 0.9
                if index > 0 { y += size * 1.15 }
                out += "<text x=\"\(n((box.left + box.right) / 2))\" y=\"\(n(y - size * 0.15))\" "
                out += "font-size=\"\(n(size))\" stroke-width=\"\(n(style.halo))\" fill=\"\(style.colour)\""
                out += index == 0 && style.bold ? " font-weight=\"bold\">" : ">"
                out += "\(Self.escaped(line))</text>\n"
            }
        }
        out += "</g>\n"
        return out
    }

    private func lines(
        _ segments: [Segment], _ placement: Placement, stroke: String, width: Double, dash: String? = nil,
        opacity: Double? = nil
    ) -> String {
        guard !segments.isEmpty else { return "" }
        var out = "<path fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\" stroke-linecap=\"round\""
        if let dash { out += " stroke-dasharray=\"\(dash)\"" }
        if let opacity { out += " stroke-opacity=\"\(n(opacity))\"" }
        out += " d=\""
        for segment in segments {
            out += "M\(placement.xy(segment.start))L\(placement.xy(segment.end))"
        }
        out += "\"/>\n"
        return out
    }

    private func text(_ value: String, x: Double, y: Double, size: Double, attributes: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" \(attributes)>\(Self.escaped(value))</text>\n"
    }

    /// An arrow pointing up (north: the street's y axis) with N and 北.
    private func northArrow(x: Double, y: Double) -> String {
        var out = "<g stroke=\"#222222\" stroke-width=\"1\">"
        out += "<polygon points=\"\(n(x)),\(n(y)) \(n(x - 9)),\(n(y + 30)) \(n(x)),\(n(y + 23))\" fill=\"#222222\"/>"
        out += "<polygon points=\"\(n(x)),\(n(y)) \(n(x + 9)),\(n(y + 30)) \(n(x)),\(n(y + 23))\" fill=\"#ffffff\"/>"
        out += "</g>\n"
        out += "<g text-anchor=\"middle\" font-weight=\"bold\" stroke=\"#ffffff\" stroke-width=\"3\" "
        out += "paint-order=\"stroke\">"
        out += text("N", x: x, y: y + 46, size: 14) + text("北", x: x, y: y + 62, size: 13)
        out += "</g>\n"
        return out
    }

    /// A bar of a round length in metres, about a quarter of the frame wide, and the printed scale 1:N.
    private func scaleBar(_ placement: Placement, x: Double, y: Double) -> String {
        let metresPerUnit = 1 / placement.scale
        let target = placement.frame.width * 0.25 * metresPerUnit
        let length = Self.roundLength(below: target)
        let bar = length * placement.scale
        let printed = Self.roundScale(1000 * Self.unitsPerMillimetre * metresPerUnit)
        let caption = "米 m · 1:\(Self.grouped(printed)) (A4)"
        let captionWidth = caption.unicodeScalars.reduce(0.0) { $0 + ($1.value >= 0x2E80 ? 10 : 6) }
        var out = "<g>\n<rect x=\"\(n(x - 6))\" y=\"\(n(y - 30))\" width=\"\(n(bar + captionWidth + 26))\" "
        out += "height=\"40\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>\n"
        out += "<rect x=\"\(n(x))\" y=\"\(n(y - 6))\" width=\"\(n(bar / 2))\" height=\"6\" fill=\"#222222\"/>"
        out += "<rect x=\"\(n(x + bar / 2))\" y=\"\(n(y - 6))\" width=\"\(n(bar / 2))\" height=\"6\" "
        out += "fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"1\"/>\n"
        out += "<rect x=\"\(n(x))\" y=\"\(n(y - 6))\" width=\"\(n(bar))\" height=\"6\" fill=\"none\" "
        out += "stroke=\"#222222\" stroke-width=\"1\"/>\n"
        out += text("0", x: x, y: y - 11, size: 10, attributes: "text-anchor=\"middle\"")
        out += text(Self.metres(length), x: x + bar, y: y - 11, size: 10, attributes: "text-anchor=\"middle\"")
        out += text(caption, x: x + bar + 8, y: y, size: 10)
        out += "</g>\n"
        return out
    }

    /// The legend column: a swatch or line for each thing drawn, Chinese first.
    private func legend(x: Double, y: Double) -> String {
        var out = "<g font-size=\"12\">\n"
        out += text("图例 Legend", x: x, y: y + 14, size: 15, attributes: "font-weight=\"bold\"")
        var row = y + 40
        func entry(_ symbol: String, _ chinese: String, _ english: String) {
            out += symbol
            out += text(chinese, x: x + 40, y: row + 4, size: 12)
            out += text(english, x: x + 40, y: row + 19, size: 10, attributes: "fill=\"#555555\"")
            row += 40
        }
        let sample = Self.colour(GridID("C01-G01"))
        entry("<rect x=\"\(n(x))\" y=\"\(n(row - 8))\" width=\"30\" height=\"18\" fill=\"\(sample)\" "
              + "stroke=\"#111111\" stroke-width=\"1.6\"/>\n", "网格（每格一色）", "Grid, one colour each")
        entry("<rect x=\"\(n(x))\" y=\"\(n(row - 8))\" width=\"30\" height=\"18\" fill=\"url(#special)\" "
              + "stroke=\"#111111\" stroke-width=\"1.6\"/>\n", "专属网格（非住宅场所）", "Special grid (school, market…)")
        entry(line(x, row, stroke: "#777777", width: 0.8), "微网格边界", "Micro-grid outline")
        entry(line(x, row, stroke: "#111111", width: 1.6), "网格边界", "Grid outline")
        entry(line(x, row, stroke: "#1f3a93", width: 2.8, dash: "10 5"), "社区边界", "Community outline")
        entry(line(x, row, stroke: "#d62728", width: 3), "障碍：主干道、河流、围墙", "Barrier: arterial road, river, wall")
        entry("<circle cx=\"\(n(x + 15))\" cy=\"\(n(row + 1))\" r=\"2\" fill=\"#222222\"/>\n", "楼栋", "Building")
        let gridStyle = Self.style(.grid)
        out += "<g text-anchor=\"middle\">"
        out += text("C01-G03", x: x + 22, y: row, size: gridStyle.size, attributes: "font-weight=\"bold\"")
        out += text("第3网格", x: x + 22, y: row + 12, size: gridStyle.size * 0.9)
        out += "</g>\n"
        out += text("网格编号与名称", x: x + 52, y: row + 4, size: 12)
        out += text("Grid code and name", x: x + 52, y: row + 19, size: 10, attributes: "fill=\"#555555\"")
        row += 40
        let community = Self.style(.community)
        out += text("幸福社区", x: x, y: row + 4, size: 12,
                    attributes: "font-weight=\"bold\" fill=\"\(community.colour)\"")
        out += text("社区名称", x: x + 64, y: row + 4, size: 12)
        out += text("Community name", x: x + 64, y: row + 19, size: 10, attributes: "fill=\"#555555\"")
        out += "</g>\n"
        return out
    }

    private func line(_ x: Double, _ y: Double, stroke: String, width: Double, dash: String? = nil) -> String {
        var out = "<line x1=\"\(n(x))\" y1=\"\(n(y + 1))\" x2=\"\(n(x + 30))\" y2=\"\(n(y + 1))\" stroke=\"\(stroke)\" "
        out += "stroke-width=\"\(n(width))\""
        if let dash { out += " stroke-dasharray=\"\(dash)\"" }
        return out + "/>\n"
    }

    private func n(_ value: Double) -> String { CSVNumber.trimmed(value, maxPlaces: 1) }

    /// Font size, halo width, colour and weight of a label style, in drawing units.
    static func style(_ style: Label.Style) -> (size: Double, halo: Double, colour: String, bold: Bool) {
        switch style {
        case .community: return (17, 4, "#1f3a93", true)
        case .grid: return (11, 3, "#000000", true)
        case .specialGrid: return (9, 2.5, "#333333", false)
        }
    }

    /// The largest 1, 2 or 5 × 10ⁿ metres not above `target` (at least 1 m).
    static func roundLength(below target: Double) -> Double {
        var power = 1.0
        while power * 10 <= target { power *= 10 }
        for factor in [5.0, 2.0, 1.0] where factor * power <= target { return factor * power }
        return power
    }

    /// A printed scale's denominator rounded to two significant digits.
    static func roundScale(_ value: Double) -> Int {
        var power = 1.0
        while value / power >= 100 { power *= 10 }
        return Int((value / power).rounded() * power)
    }

    static func metres(_ length: Double) -> String {
        length >= 1000 && length.truncatingRemainder(dividingBy: 1000) == 0
            ? "\(Int(length / 1000)) km" : "\(Int(length)) m"
    }

    static func grouped(_ value: Int) -> String {
        var digits = String(value), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits = String(digits.dropLast(3))
        }
        return digits + out
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

    static func escaped(_ text: String) -> String { PrintoutPage.escape(text) }
}

extension PlanMapSVG {
    /// A rectangle in drawing units (y down).
    struct Box: Hashable {
        var left, top, right, bottom: Double
        var width: Double { right - left }
        var height: Double { bottom - top }

        /// Whether the boxes come closer than `margin`.
        func overlaps(_ other: Box, margin: Double = 0) -> Bool {
            left < other.right + margin && other.left < right + margin && top < other.bottom + margin
                && other.top < bottom + margin
        }

        /// The area the boxes share.
        func overlap(with other: Box) -> Double {
            let width = min(right, other.right) - max(left, other.left)
            let height = min(bottom, other.bottom) - max(top, other.top)
            return max(0, width) * max(0, height)
        }

        func moved(by offset: (Double, Double)) -> Box {
            Box(left: left + offset.0, top: top + offset.1, right: right + offset.0, bottom: bottom + offset.1)
        }

        func inside(_ other: Box) -> Bool {
            left >= other.left && right <= other.right && top >= other.top && bottom <= other.bottom
        }
    }

    /// The street fitted into the frame, and every label's box.
    struct Placement {
        let frame: Box
        /// Drawing units per metre.
        let scale: Double
        let minX: Double, maxY: Double, offsetX: Double, offsetY: Double
        /// Labels in drawing order with their boxes.
        private(set) var labels: [(Label, Box)] = []

        init(content: Content, frame: Box) {
            self.frame = frame
            var xs = content.cells.flatMap { $0.polygon.map(\.x) } + content.buildings.map(\.x)
            var ys = content.cells.flatMap { $0.polygon.map(\.y) } + content.buildings.map(\.y)
            if xs.isEmpty {
                xs = [0]
                ys = [0]
            }
            let minX = xs.min() ?? 0, maxX = xs.max() ?? 1, minY = ys.min() ?? 0, maxY = ys.max() ?? 1
            let padding = 12.0
            let spanX = max(maxX - minX, 1), spanY = max(maxY - minY, 1)
            scale = min((frame.width - 2 * padding) / spanX, (frame.height - 2 * padding) / spanY)
            self.minX = minX
            self.maxY = maxY
            offsetX = frame.left + (frame.width - spanX * scale) / 2
            offsetY = frame.top + (frame.height - spanY * scale) / 2
            var placed: [Box] = []
            let order = content.labels.indices.sorted { a, b in
                let rank = [Label.Style.grid: 0, .specialGrid: 1, .community: 2]
                let ra = rank[content.labels[a].style] ?? 3, rb = rank[content.labels[b].style] ?? 3
                return ra != rb ? ra < rb : a < b
            }
            for index in order {
                let label = content.labels[index]
                guard !label.sites.isEmpty else { continue }
                // Every site as it is, then every site with the label just above, below or beside it: a label
                // stays next to its site rather than cover another.
                let boxes = label.sites.map { box(of: label, at: point($0)) }
                let nudged = boxes.flatMap { box in
                    let dx = box.width + 2, dy = box.height + 2
                    return [(0, -dy), (0, dy), (-dx, 0), (dx, 0)].map { box.moved(by: $0) }
                }
                let candidates = boxes + nudged
                let free = candidates.first { candidate in
                    candidate.inside(frame) && !placed.contains { $0.overlaps(candidate, margin: 2) }
                }
                // None free: the one covering least of the others (the first such, so its own site wins ties).
                func covered(_ candidate: Box) -> Double { placed.reduce(0) { $0 + $1.overlap(with: candidate) } }
                let chosen = free ?? candidates.dropFirst().reduce(boxes[0]) { best, next in
                    covered(next) < covered(best) ? next : best
                }
                placed.append(chosen)
                labels.append((label, chosen))
            }
        }

        /// A point in drawing units.
        func point(_ p: PlanarPoint) -> (x: Double, y: Double) {
            ((p.x - minX) * scale + offsetX, (maxY - p.y) * scale + offsetY)
        }

        /// `x,y` in drawing units, a tenth of a unit (25 µm on paper).
        func xy(_ p: PlanarPoint) -> String {
            let q = point(p)
            return CSVNumber.trimmed(q.x, maxPlaces: 1) + "," + CSVNumber.trimmed(q.y, maxPlaces: 1)
        }

        /// The box of `label` centred on `centre`, from an estimate of its text's width (CJK characters a full em,
        /// others about 0.6 em).
        func box(of label: Label, at centre: (x: Double, y: Double)) -> Box {
            let style = PlanMapSVG.style(label.style)
            var width = 0.0, height = 0.0
            for (index, line) in label.lines.enumerated() {
                let size = index == 0 ? style.size : style.size * 0.9
                let ems = line.unicodeScalars.reduce(0.0) { $0 + ($1.value >= 0x2E80 ? 1 : 0.6) }
                width = max(width, ems * size)
                height += size * (index == 0 ? 1 : 1.15)
            }
            width += 2 * style.halo
            height += style.halo
            return Box(
                left: centre.x - width / 2, top: centre.y - height / 2, right: centre.x + width / 2,
                bottom: centre.y + height / 2)
        }
    }
}
