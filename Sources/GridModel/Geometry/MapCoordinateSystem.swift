import Foundation

/// The system a street's latitudes and longitudes are written in: WGS84 (GPS, OpenStreetMap, every GIS tool),
/// GCJ-02 (AMap/高德, Tencent; the state-mandated offset, "Mars coordinates") or BD-09 (Baidu, a further offset on
/// GCJ-02). The engine plans in metres projected from WGS84 and writes WGS84 everywhere, so GCJ-02 and BD-09
/// positions are converted on reading.
///
/// The forward conversions (WGS84 → GCJ-02 → BD-09) are the published closed formulas every Chinese map SDK
/// reproduces (the GCJ-02 one on the Krasovsky ellipsoid, a = 6,378,245 m); they have no closed inverse, so
/// ``toWGS84(latitude:longitude:)`` inverts them by fixed-point iteration. The forward offset changes by well
/// under 1 % of itself per metre, so each step shrinks the error about a hundredfold: three or four steps reach
/// ``inverseTolerance`` (about 0.1 mm). Outside China's bounding box GCJ-02 applies no offset (as the formulas do).
public enum MapCoordinateSystem: String, CaseIterable, Hashable, Sendable, Codable {
    /// WGS84, as GPS gives it: no conversion.
    case wgs84
    /// GCJ-02 (国测局坐标), used by AMap and Tencent Maps.
    case gcj02
    /// BD-09 (百度坐标), used by Baidu Maps.
    case bd09

    /// Degrees within which the inverse stops: 1e-9° is about 0.1 mm on the ground.
    public static let inverseTolerance = 1e-9
    /// Steps the inverse may take; it converges in three to five within China.
    static let inverseSteps = 30

    /// The WGS84 position of a latitude and longitude written in this system, in degrees.
    /// - Complexity: O(1) (at most ``inverseSteps`` evaluations of the forward formula).
    public func toWGS84(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        if self == .wgs84 { return (latitude, longitude) }
        // Start from the target itself: the offset is a few hundred metres, the iteration's basin far wider.
        var guess = (latitude: latitude, longitude: longitude)
        for _ in 0..<Self.inverseSteps {
            let image = fromWGS84(latitude: guess.latitude, longitude: guess.longitude)
            let error = (latitude: image.latitude - latitude, longitude: image.longitude - longitude)
            guess = (guess.latitude - error.latitude, guess.longitude - error.longitude)
            if abs(error.latitude) < Self.inverseTolerance && abs(error.longitude) < Self.inverseTolerance { break }
        }
        return guess
    }

    /// A WGS84 latitude and longitude written in this system, in degrees (the published forward formulas).
    public func fromWGS84(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        switch self {
        case .wgs84:
            return (latitude, longitude)
        case .gcj02:
            return Self.gcj02(latitude: latitude, longitude: longitude)
        case .bd09:
            let gcj = Self.gcj02(latitude: latitude, longitude: longitude)
            return Self.bd09(gcjLatitude: gcj.latitude, gcjLongitude: gcj.longitude)
        }
    }

    /// Whether GCJ-02 offsets a WGS84 position: the formulas' own bounding box of China.
    static func isOffset(latitude: Double, longitude: Double) -> Bool {
        (72.004...137.8347).contains(longitude) && (0.8293...55.8271).contains(latitude)
    }

    /// WGS84 → GCJ-02: a smooth pseudo-random offset of a few hundred metres, scaled from "metres" on the Krasovsky
    /// ellipsoid to degrees at the point's latitude.
    static func gcj02(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        guard isOffset(latitude: latitude, longitude: longitude) else { return (latitude, longitude) }
        let semiMajorAxis = 6_378_245.0
        let eccentricitySquared = 0.006_693_421_622_965_943_23
        let x = longitude - 105, y = latitude - 35
        let shift = offset(x: x, y: y)
        let radians = latitude / 180 * Double.pi
        let sine = sin(radians)
        let magic = 1 - eccentricitySquared * sine * sine
        let root = magic.squareRoot()
        let meridianRadius = semiMajorAxis * (1 - eccentricitySquared) / (magic * root)
        let parallelRadius = semiMajorAxis / root * cos(radians)
        return (
            latitude + shift.latitude * 180 / (meridianRadius * Double.pi),
            longitude + shift.longitude * 180 / (parallelRadius * Double.pi)
        )
    }

    /// The GCJ-02 offset polynomial and sine series in x = longitude − 105°, y = latitude − 35°.
    private static func offset(x: Double, y: Double) -> (latitude: Double, longitude: Double) {
        let pi = Double.pi
        let common = (20 * sin(6 * x * pi) + 20 * sin(2 * x * pi)) * 2 / 3
        var latitude = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot() + common
        latitude += (20 * sin(y * pi) + 40 * sin(y / 3 * pi)) * 2 / 3
        latitude += (160 * sin(y / 12 * pi) + 320 * sin(y * pi / 30)) * 2 / 3
        var longitude = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot() + common
        longitude += (20 * sin(x * pi) + 40 * sin(x / 3 * pi)) * 2 / 3
        longitude += (150 * sin(x / 12 * pi) + 300 * sin(x / 30 * pi)) * 2 / 3
        return (latitude, longitude)
    }

    /// GCJ-02 → BD-09: Baidu's rotation and stretch about the origin plus a fixed shift.
    static func bd09(gcjLatitude: Double, gcjLongitude: Double) -> (latitude: Double, longitude: Double) {
        let factor = Double.pi * 3000 / 180
        let radius = (gcjLongitude * gcjLongitude + gcjLatitude * gcjLatitude).squareRoot()
            + 0.000_02 * sin(gcjLatitude * factor)
        let angle = atan2(gcjLatitude, gcjLongitude) + 0.000_003 * cos(gcjLongitude * factor)
        return (radius * sin(angle) + 0.006, radius * cos(angle) + 0.0065)
    }
}
