import Foundation
import GridModel

extension GeodeticProjection {
    /// Latitude and longitude in degrees of a planar point (the inverse of `project`).
    public func unproject(_ point: PlanarPoint) -> (latitude: Double, longitude: Double) {
        let degrees = 180 / Double.pi
        let latitude = referenceLatitude + point.y / Self.earthRadius * degrees
        let longitude = referenceLongitude
            + point.x / (Self.earthRadius * cos(referenceLatitude / degrees)) * degrees
        return (latitude, longitude)
    }
}
