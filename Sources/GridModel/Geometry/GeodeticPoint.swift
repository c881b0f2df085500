/// A latitude and longitude in degrees (WGS84 unless a ``MapCoordinateSystem`` says otherwise).
public struct GeodeticPoint: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    /// A point at `latitude`, `longitude` degrees.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
