import GridModel

/// What street.yaml (optional, beside the CSVs) says about a street: its name, the system its latitudes and
/// longitudes are written in, and where x = 0, y = 0 lies when positions are in metres
/// (../shared/spec/data-format.md, "street.yaml").
///
/// ```yaml
/// name: 幸福街道
/// crs: gcj02            # wgs84 (default), gcj02 (AMap, Tencent) or bd09 (Baidu)
/// origin: { lat: 31.2304, lon: 121.4737 }   # only for x, y input; in the crs above
/// ```
public struct StreetSettings: Hashable, Sendable {
    /// The file's name in the street folder.
    public static let fileName = "street.yaml"

    /// The street's name (街道), for titles.
    public var name: String?
    /// The system of every latitude and longitude in the folder, the origin's included.
    public var coordinateSystem: MapCoordinateSystem
    /// The position of x = 0, y = 0, in ``coordinateSystem``, when positions are given in metres.
    public var origin: GeodeticPoint?

    /// Settings as given; the defaults are those of a folder without street.yaml.
    public init(name: String? = nil, coordinateSystem: MapCoordinateSystem = .wgs84, origin: GeodeticPoint? = nil) {
        self.name = name
        self.coordinateSystem = coordinateSystem
        self.origin = origin
    }

    /// The origin in WGS84.
    public var wgs84Origin: GeodeticPoint? {
        origin.map { point in
            let converted = coordinateSystem.toWGS84(latitude: point.latitude, longitude: point.longitude)
            return GeodeticPoint(latitude: converted.latitude, longitude: converted.longitude)
        }
    }
}
