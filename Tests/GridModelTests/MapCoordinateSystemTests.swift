import Foundation
import GridModel
import Testing

/// GCJ-02 and BD-09 against point pairs published with the two libraries most Chinese map code copies:
/// googollee/eviltransform (python/test.py: WGS84 → GCJ-02 in Shanghai, Shenzhen, Beijing), wandergis/coordtransform
/// (README: GCJ-02 → BD-09 and back at 116.404, 39.915) and the Beijing railway station example of the R coordinate
/// packages' documentation (`convCoord`, `conv_coord`: WGS84, GCJ-02 and BD-09 to 5 decimals, about a metre).
/// eviltransform's BD-09 → WGS84 pairs near Jinhua are not used: they come from its one-step approximate inverse,
/// 10 and 41 m from the exact preimage where the offset changes fast.
@Suite struct MapCoordinateSystemTests {
    /// A published pair: a position in one system and the same place in another.
    struct Pair: Sendable, CustomTestStringConvertible {
        let place: String
        let from: MapCoordinateSystem, latitude: Double, longitude: Double
        let to: MapCoordinateSystem, expectedLatitude: Double, expectedLongitude: Double
        var testDescription: String { "\(place) \(from.rawValue) → \(to.rawValue)" }
    }

    static let publishedPairs: [Pair] = [
        Pair(place: "Shanghai", from: .wgs84, latitude: 31.1774276, longitude: 121.5272106,
             to: .gcj02, expectedLatitude: 31.17530398364597, expectedLongitude: 121.531541859215),
        Pair(place: "Shenzhen", from: .wgs84, latitude: 22.543847, longitude: 113.912316,
             to: .gcj02, expectedLatitude: 22.540796131694766, expectedLongitude: 113.9171764808363),
        Pair(place: "Beijing", from: .wgs84, latitude: 39.911954, longitude: 116.377817,
             to: .gcj02, expectedLatitude: 39.91334545536069, expectedLongitude: 116.38404722455657),
        Pair(place: "Beijing railway station", from: .wgs84, latitude: 39.90105, longitude: 116.42079,
             to: .gcj02, expectedLatitude: 39.90245, expectedLongitude: 116.42703),
        Pair(place: "Beijing railway station", from: .gcj02, latitude: 39.90245, longitude: 116.42703,
             to: .bd09, expectedLatitude: 39.90851, expectedLongitude: 116.43351),
        Pair(place: "Tiananmen", from: .gcj02, latitude: 39.915, longitude: 116.404,
             to: .bd09, expectedLatitude: 39.92133699351021, expectedLongitude: 116.41036949371029),
        Pair(place: "Tiananmen", from: .bd09, latitude: 39.915, longitude: 116.404,
             to: .gcj02, expectedLatitude: 39.90865673957631, expectedLongitude: 116.39762729119315),
    ]

    /// Great-circle distance in metres (haversine on the mean Earth radius), written here apart from the engine.
    static func metres(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.0 - a.0) * radians, dLon = (b.1 - a.1) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.0 * radians) * cos(b.0 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6_371_008.8 * asin(min(1, h.squareRoot()))
    }

    /// `latitude, longitude` in `from` converted to `to` through WGS84.
    static func convert(_ pair: Pair) -> (Double, Double) {
        let wgs84 = pair.from.toWGS84(latitude: pair.latitude, longitude: pair.longitude)
        let result = pair.to.fromWGS84(latitude: wgs84.latitude, longitude: wgs84.longitude)
        return (result.latitude, result.longitude)
    }

    @Test(arguments: publishedPairs)
    func publishedPairsMatchWithinAMetre(pair: Pair) {
        let distance = Self.metres(Self.convert(pair), (pair.expectedLatitude, pair.expectedLongitude))
        #expect(distance < 1, "\(pair.testDescription): \(distance) m off")
    }

    @Test(arguments: publishedPairs)
    func theReverseDirectionMatchesToo(pair: Pair) {
        let reverse = Pair(
            place: pair.place, from: pair.to, latitude: pair.expectedLatitude, longitude: pair.expectedLongitude,
            to: pair.from, expectedLatitude: pair.latitude, expectedLongitude: pair.longitude)
        let distance = Self.metres(Self.convert(reverse), (pair.latitude, pair.longitude))
        #expect(distance < 1, "\(reverse.testDescription): \(distance) m off")
    }

    /// The inverse by iteration lands within a centimetre of the forward formula's preimage over all of eastern
    /// China, not only at the published points.
    @Test(arguments: [MapCoordinateSystem.gcj02, .bd09])
    func theInverseUndoesTheForwardFormulaToACentimetre(system: MapCoordinateSystem) {
        var worst = 0.0
        for latitude in stride(from: 18.5, through: 53.5, by: 2.5) {
            for longitude in stride(from: 98.25, through: 134.25, by: 3) {
                let written = system.fromWGS84(latitude: latitude, longitude: longitude)
                let back = system.toWGS84(latitude: written.latitude, longitude: written.longitude)
                worst = max(worst, Self.metres((back.latitude, back.longitude), (latitude, longitude)))
                // The offsets themselves are real: tens to hundreds of metres.
                #expect(Self.metres((written.latitude, written.longitude), (latitude, longitude)) > 10)
            }
        }
        #expect(worst < 0.01, "worst round trip \(worst) m")
    }

    @Test func wgs84AndPositionsOutsideChinaAreLeftAsWritten() {
        let paris = MapCoordinateSystem.gcj02.toWGS84(latitude: 48.8566, longitude: 2.3522)
        #expect(paris.latitude == 48.8566 && paris.longitude == 2.3522)
        let same = MapCoordinateSystem.wgs84.toWGS84(latitude: 31.2, longitude: 121.5)
        #expect(same.latitude == 31.2 && same.longitude == 121.5)
    }
}
