import Foundation

/// Projects WGS84 latitude and longitude to local planar metres around a reference point.
///
/// An equirectangular projection about the street's own centre: over a street or a city (tens of kilometres)
/// its distance error stays well under 1 %, far below what grid drawing can notice, and it needs no
/// projection library.
public struct GeodeticProjection: Hashable, Sendable, Codable {
    /// Mean Earth radius in metres (IUGG).
    public static let earthRadius = 6_371_008.8

    public let referenceLatitude: Double
    public let referenceLongitude: Double

    public init(referenceLatitude: Double, referenceLongitude: Double) {
        self.referenceLatitude = referenceLatitude
        self.referenceLongitude = referenceLongitude
    }

    /// The planar point in metres for a latitude and longitude in degrees.
    public func project(latitude: Double, longitude: Double) -> PlanarPoint {
        let radians = Double.pi / 180
        let x = (longitude - referenceLongitude) * radians * Self.earthRadius * cos(referenceLatitude * radians)
        let y = (latitude - referenceLatitude) * radians * Self.earthRadius
        return PlanarPoint(x: x, y: y)
    }
}

