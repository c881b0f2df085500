import Foundation
import GridData
import GridModel
import GridRules
import GridSynthesis
import Testing

@testable import GridDrawing

/// grids.geojson of a street given in latitude and longitude, in WGS84 or in GCJ-02 as AMap gives it, is RFC 7946:
/// [lon, lat] within range, closed rings, exterior rings counter-clockwise and holes clockwise, no `crs` member;
/// and the GCJ-02 street's grids lie where the buildings truly are (each building's WGS84 point inside its grid).
@Suite struct GridsGeoJSONWGS84Tests {
    /// Where the generated street is put: Shanghai's Pudong, inside GCJ-02's offset area.
    static let centre = GeodeticPoint(latitude: 31.2304, longitude: 121.5437)

    /// A generated street written as buildings.csv in `system`'s latitudes and longitudes, with street.yaml.
    static func folder(_ street: Street, system: MapCoordinateSystem) throws -> URL {
        let projection = GeodeticProjection(referenceLatitude: centre.latitude, referenceLongitude: centre.longitude)
        var rows = ["building_id,community_id,compound_id,households,lat,lon,kind"]
        for building in street.buildings {
            let wgs84 = projection.unproject(building.position)
            let written = system.fromWGS84(latitude: wgs84.latitude, longitude: wgs84.longitude)
            rows.append(
                "\(building.id.rawValue),\(building.communityID.rawValue),\(building.compoundID?.rawValue ?? ""),"
                    + "\(building.households),\(written.latitude),\(written.longitude),\(building.kind.rawValue)")
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-wgs84-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try (rows.joined(separator: "\n") + "\n").write(
            to: url.appendingPathComponent("buildings.csv"), atomically: true, encoding: .utf8)
        try "name: 测试街道\ncrs: \(system.rawValue)\n".write(
            to: url.appendingPathComponent("street.yaml"), atomically: true, encoding: .utf8)
        return url
    }

    /// Twice the signed area of a [lon, lat] ring (positive: counter-clockwise).
    static func signedArea(_ ring: [[Double]]) -> Double {
        var twice = 0.0
        for k in 0..<(ring.count - 1) { twice += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1] }
        return twice
    }

    static func inside(_ point: (Double, Double), _ ring: [[Double]]) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            if (a[1] > point.1) != (b[1] > point.1),
                point.0 < (b[0] - a[0]) * (point.1 - a[1]) / (b[1] - a[1]) + a[0]
            {
                inside.toggle()
            }
            j = i
        }
        return inside
    }

    /// The generated street and its plan, drawn once (the drawing does not depend on how positions were written;
    /// a debug build takes minutes per street).
    static let drawn: (street: Street, assignments: [GridAssignment])? = {
        guard let street = try? StreetGenerator(seed: 3, households: 1500).generate(), let rules = try? RuleSet.builtIn()
        else { return nil }
        return (street, GridJob(ruleSet: rules, seed: 1).run(street).assignments)
    }()

    @Test(arguments: [MapCoordinateSystem.wgs84, .gcj02, .bd09])
    func rfc7946WithTheGridsWhereTheBuildingsAre(system: MapCoordinateSystem) throws {
        let (generated, assignments) = try #require(Self.drawn)
        let folder = try Self.folder(generated, system: system)
        defer { try? FileManager.default.removeItem(at: folder) }
        let street = try StreetLoader(directory: folder).load()
        #expect(street.name == "测试街道")
        let projection = try #require(street.projection)
        let text = GridsGeoJSONWriter.text(
            GridPlanShapes(street: street, assignments: assignments).shapes, projection: projection)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["crs"] == nil && root["crs_note"] == nil)
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(!features.isEmpty)
        var problems: [String] = []
        var polygonsOfGrid: [String: [[[[Double]]]]] = [:]
        for feature in features {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let id = properties["id"] as? String ?? "?"
            let geometry = feature["geometry"] as? [String: Any] ?? [:]
            let polygons = geometry["coordinates"] as? [[[[Double]]]] ?? []
            if properties["level"] as? String == "grid" { polygonsOfGrid[id] = polygons }
            for polygon in polygons {
                for (r, ring) in polygon.enumerated() {
                    guard ring.count >= 4, ring.first == ring.last else {
                        problems.append("\(id): ring \(r) not closed or too short")
                        continue
                    }
                    // Within a few kilometres of where the street was put: [lon, lat], not [lat, lon] or metres.
                    for point in ring where abs(point[0] - Self.centre.longitude) > 0.05
                        || abs(point[1] - Self.centre.latitude) > 0.05
                    {
                        problems.append("\(id): \(point) is not near [lon, lat] of the street")
                        break
                    }
                    let area = Self.signedArea(ring)
                    if r == 0 ? area <= 0 : area >= 0 { problems.append("\(id): ring \(r) winds the wrong way") }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count): \(problems.prefix(5))")
        // Each building's true WGS84 position lies in its grid (by most households).
        let truth = GeodeticProjection(
            referenceLatitude: Self.centre.latitude, referenceLongitude: Self.centre.longitude)
        let position = Dictionary(
            uniqueKeysWithValues: generated.buildings.map { ($0.id, truth.unproject($0.position)) })
        var votes: [BuildingID: [GridID: Int]] = [:]
        for row in assignments { votes[row.buildingID, default: [:]][row.gridID, default: 0] += row.households * 2 + 1 }
        var misplaced: [String] = []
        for (building, byGrid) in votes.sorted(by: { $0.key < $1.key }) {
            guard let grid = byGrid.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key,
                let point = position[building]
            else { continue }
            let polygons = polygonsOfGrid[grid.rawValue] ?? []
            let found = polygons.contains { polygon in
                guard let outer = polygon.first, Self.inside((point.longitude, point.latitude), outer) else {
                    return false
                }
                return !polygon.dropFirst().contains { Self.inside((point.longitude, point.latitude), $0) }
            }
            if !found { misplaced.append("\(building) not in \(grid)") }
        }
        #expect(misplaced.isEmpty, "\(misplaced.count): \(misplaced.prefix(5))")
    }
}
