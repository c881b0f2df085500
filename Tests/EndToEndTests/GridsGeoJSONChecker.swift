import Foundation

/// Checks grids.geojson against grids.csv and the buildings: every grid's (and micro-grid's) polygons contain its
/// buildings' points, and no sample point lies in two grids (or two micro-grids). A point is in a polygon when it is
/// inside its outer ring and outside its holes.
struct GridsGeoJSONChecker {
    struct Feature {
        let level: String
        let id: String
        /// Outer rings.
        let polygons: [[(Double, Double)]]
        /// The holes of each polygon.
        let holes: [[[(Double, Double)]]]
        /// minX, minY, maxX, maxY of each polygon.
        let boxes: [(Double, Double, Double, Double)]

        init(level: String, id: String, polygons: [[(Double, Double)]], holes: [[[(Double, Double)]]]) {
            self.level = level
            self.id = id
            self.polygons = polygons
            self.holes = holes
            boxes = polygons.map { ring in
                (ring.map(\.0).min() ?? 0, ring.map(\.1).min() ?? 0, ring.map(\.0).max() ?? 0, ring.map(\.1).max() ?? 0)
            }
        }
    }

    let features: [Feature]

    init(url: URL) throws {
        let data = try Data(contentsOf: url)
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let list = root?["features"] as? [[String: Any]] ?? []
        features = list.map { feature in
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let geometry = feature["geometry"] as? [String: Any] ?? [:]
            let coordinates = geometry["coordinates"] as? [[[[Double]]]] ?? []
            return Feature(
                level: properties["level"] as? String ?? "", id: properties["id"] as? String ?? "",
                polygons: coordinates.map { $0.first?.map { ($0[0], $0[1]) } ?? [] },
                holes: coordinates.map { $0.dropFirst().map { ring in ring.map { ($0[0], $0[1]) } } })
        }
    }

    /// Even-odd ray casting.
    static func contains(_ ring: [(Double, Double)], _ point: (Double, Double)) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            if (a.1 > point.1) != (b.1 > point.1),
                point.0 < (b.0 - a.0) * (point.1 - a.1) / (b.1 - a.1) + a.0
            {
                inside.toggle()
            }
            j = i
        }
        return inside
    }

    func contains(_ feature: Feature, _ point: (Double, Double)) -> Bool {
        feature.polygons.indices.contains { k in
            let box = feature.boxes[k]
            return point.0 >= box.0 && point.0 <= box.2 && point.1 >= box.1 && point.1 <= box.3
                && Self.contains(feature.polygons[k], point)
                && !feature.holes[k].contains { Self.contains($0, point) }
        }
    }

    /// Problems found, given each building's point and its grid and micro-grid by most households.
    func problems(points: [String: (Double, Double)], gridOf: [String: String], microOf: [String: String],
                  spacing: Double = 23.7) -> [String] {
        var problems: [String] = []
        let byID = Dictionary(features.map { ("\($0.level)/\($0.id)", $0) }, uniquingKeysWith: { a, _ in a })
        for (building, point) in points.sorted(by: { $0.key < $1.key }) {
            for (level, owner) in [("grid", gridOf[building]), ("micro_grid", microOf[building])] {
                guard let owner else { continue }
                guard let feature = byID["\(level)/\(owner)"] else {
                    problems.append("no \(level) feature \(owner)")
                    continue
                }
                if !contains(feature, point) { problems.append("\(owner) does not contain building \(building)") }
            }
        }
        let xs = points.values.map(\.0), ys = points.values.map(\.1)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else {
            return problems
        }
        for level in ["grid", "micro_grid"] {
            let layer = features.filter { $0.level == level }
            var overlaps = 0
            var x = minX - 100 + 0.3713
            while x <= maxX + 100 {
                var y = minY - 100 + 0.1197
                while y <= maxY + 100 {
                    let owners = layer.filter { contains($0, (x, y)) }
                    if owners.count > 1 {
                        overlaps += 1
                        if overlaps <= 5 { problems.append("\(owners.map(\.id)) overlap at (\(x), \(y))") }
                    }
                    y += spacing
                }
                x += spacing
            }
        }
        return problems
    }
}
