import Foundation
import GridModel

/// Writes grids.geojson: a FeatureCollection with one MultiPolygon feature per grid and per micro-grid.
///
/// With a projection (a street given in latitude and longitude, in any ``MapCoordinateSystem``, or in x, y metres with
/// street.yaml's `origin`) the file is RFC 7946: WGS84 `[longitude, latitude]` to 7 decimals (about 1 cm), no `crs`
/// member. Without one (x, y metres and no origin) nothing places the street on Earth: coordinates stay the street's
/// planar metres (2 decimals) and a `crs_note` member says so; GIS tools can still draw it in a local frame. Rings
/// are closed; outer rings counter-clockwise, holes clockwise (the right-hand rule, which the equirectangular
/// projection keeps since x runs east and y north).
public enum GridsGeoJSONWriter {
    /// The GeoJSON text of `features`.
    /// - Complexity: O(total vertices).
    public static func text(_ features: [PlanFeature], projection: GeodeticProjection?) -> String {
        var out = "{\"type\":\"FeatureCollection\","
        if projection == nil {
            out += "\"crs_note\":\"planar metres of the street's local frame (x east, y north)\","
        }
        out += "\"features\":[\n"
        for (index, feature) in features.enumerated() {
            if index > 0 { out += ",\n" }
            out += "{\"type\":\"Feature\",\"id\":\(JSONText.quoted(feature.id)),\"properties\":{"
            out += "\"level\":\(JSONText.quoted(feature.level)),\"id\":\(JSONText.quoted(feature.id)),"
            out += "\"community_id\":\(JSONText.quoted(feature.communityID.rawValue)),"
            out += "\"grid_id\":\(JSONText.quoted(feature.gridID.rawValue)),"
            out += "\"kind\":\(JSONText.quoted(feature.kind.rawValue)),"
            out += "\"households\":\(feature.households),\"buildings\":\(feature.buildings)},"
            out += "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":["
            for (p, polygon) in feature.polygons.enumerated() {
                if p > 0 { out += "," }
                out += "["
                for (r, rawRing) in polygon.enumerated() {
                    if r > 0 { out += "," }
                    out += "["
                    // RFC 7946: outer rings counter-clockwise, holes clockwise.
                    let outer = counterClockwise(rawRing)
                    let ring = r == 0 ? outer : outer.reversed()
                    for (k, point) in (ring + ring.prefix(1)).enumerated() {
                        if k > 0 { out += "," }
                        out += coordinate(point, projection)
                    }
                    out += "]"
                }
                out += "]"
            }
            out += "]}}"
        }
        out += "\n]}\n"
        return out
    }

    /// Writes the text of `features` to `url`.
    public static func write(_ features: [PlanFeature], projection: GeodeticProjection?, to url: URL) throws {
        try Data(text(features, projection: projection).utf8).write(to: url)
    }

    static func coordinate(_ point: PlanarPoint, _ projection: GeodeticProjection?) -> String {
        guard let projection else {
            return "[\(CSVNumber.fixed(point.x, places: 2)),\(CSVNumber.fixed(point.y, places: 2))]"
        }
        let (latitude, longitude) = projection.unproject(point)
        return "[\(CSVNumber.fixed(longitude, places: 7)),\(CSVNumber.fixed(latitude, places: 7))]"
    }

    static func counterClockwise(_ ring: [PlanarPoint]) -> [PlanarPoint] {
        var area = 0.0
        for k in ring.indices {
            let a = ring[k], b = ring[(k + 1) % ring.count]
            area += a.x * b.y - b.x * a.y
        }
        return area < 0 ? ring.reversed() : ring
    }

}
