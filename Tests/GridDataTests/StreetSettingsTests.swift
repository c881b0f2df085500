import Foundation
import GridData
import GridModel
import Testing

/// street.yaml: the street's name, the coordinate system of its latitudes and longitudes, and the origin that places
/// x, y metres on the map.
@Suite(.inEnglish) struct StreetSettingsTests {
    static func load(_ files: [String: String]) throws -> Street {
        let folder = try FixtureFolders.temporaryStreet(files.mapValues { Array($0.utf8) })
        defer { try? FileManager.default.removeItem(at: folder) }
        return try StreetLoader(directory: folder).load()
    }

    static func problems(_ files: [String: String]) throws -> [DataIssue] {
        do {
            _ = try load(files)
            return []
        } catch let error as GridDataError {
            return error.issues
        }
    }

    static let planar = "building_id,community_id,households,x,y\nB1,C1,10,0,0\nB2,C1,10,300,400\n"

    @Test func withoutTheFileAStreetIsUnnamedAndPlanarInputStaysUnplaced() throws {
        let street = try Self.load(["buildings.csv": Self.planar])
        #expect(street.name == nil)
        #expect(street.projection == nil)
    }

    @Test func anOriginPlacesMetresOnTheMapWithoutMovingThem() throws {
        let street = try Self.load([
            "buildings.csv": Self.planar,
            "street.yaml": "name: 幸福街道\norigin: { lat: 31.2304, lon: 121.4737 }\n",
        ])
        #expect(street.name == "幸福街道")
        #expect(street.buildings.map(\.position) == [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 300, y: 400)])
        let projection = try #require(street.projection)
        #expect(projection.referenceLatitude == 31.2304 && projection.referenceLongitude == 121.4737)
    }

    /// The same two buildings written in WGS84 and in GCJ-02 (as AMap gives them) are the same street: same planar
    /// positions to a centimetre, same projection.
    @Test(arguments: [MapCoordinateSystem.gcj02, .bd09])
    func chineseMapCoordinatesAreConvertedOnReading(system: MapCoordinateSystem) throws {
        let wgs84 = [(31.1774276, 121.5272106), (31.1851, 121.5401)]
        func rows(_ points: [(Double, Double)]) -> String {
            "building_id,community_id,households,lat,lon\n" + points.enumerated().map { index, point in
                "B\(index + 1),C1,10,\(point.0),\(point.1)"
            }.joined(separator: "\n") + "\n"
        }
        let written = wgs84.map { point in
            let converted = system.fromWGS84(latitude: point.0, longitude: point.1)
            return (converted.latitude, converted.longitude)
        }
        let reference = try Self.load(["buildings.csv": rows(wgs84)])
        let converted = try Self.load([
            "buildings.csv": rows(written), "street.yaml": "crs: \(system.rawValue)\n",
        ])
        for (a, b) in zip(reference.buildings, converted.buildings) {
            #expect(a.position.distance(to: b.position) < 0.01, "\(a.id): \(a.position) against \(b.position)")
        }
        let p = try #require(reference.projection), q = try #require(converted.projection)
        #expect(abs(p.referenceLatitude - q.referenceLatitude) < 1e-7)
        #expect(abs(p.referenceLongitude - q.referenceLongitude) < 1e-7)
        // Written as is, the GCJ-02 positions would sit hundreds of metres away.
        let unconverted = try Self.load(["buildings.csv": rows(written)])
        let shift = try #require(unconverted.projection).project(latitude: wgs84[0].0, longitude: wgs84[0].1)
        #expect(shift.distance(to: unconverted.buildings[0].position) > 100)
    }

    @Test func anOriginInGCJ02IsConvertedToo() throws {
        let street = try Self.load([
            "buildings.csv": Self.planar,
            "street.yaml": "crs: GCJ-02\norigin:\n  lat: 31.17530398364597\n  lon: 121.531541859215\n",
        ])
        let projection = try #require(street.projection)
        #expect(abs(projection.referenceLatitude - 31.1774276) < 1e-5)
        #expect(abs(projection.referenceLongitude - 121.5272106) < 1e-5)
    }

    @Test func aBadValueIsNamedWithItsLineColumnAndKey() throws {
        let problems = try Self.problems([
            "buildings.csv": Self.planar,
            "street.yaml": "name: 幸福街道\ncrs: gcj2\norigin: { lat: 131.2, lon: 121.4 }\norgin: x\n",
        ])
        #expect(problems.count == 3, "\(problems)")
        let crs = try #require(problems.first { $0.columnName == "crs" })
        #expect(crs.file == "street.yaml" && crs.line == 2 && crs.column == 6 && crs.value == "gcj2")
        #expect(crs.description.contains("gcj02"))
        let latitude = try #require(problems.first { $0.columnName == "origin.lat" })
        #expect(latitude.line == 3 && latitude.value == "131.2")
        let unknown = try #require(problems.first { $0.columnName == "orgin" })
        #expect(unknown.line == 4 && unknown.column == 1)
        #expect(unknown.description.contains("origin"))
    }

    @Test func brokenYAMLIsOneProblemWithItsLine() throws {
        let problems = try Self.problems([
            "buildings.csv": Self.planar, "street.yaml": "name: 幸福街道\norigin: { lat: 31.2\n",
        ])
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.file == "street.yaml" && problems.first?.line != nil)
    }

    @Test func anOriginWithoutALongitudeIsRefused() throws {
        let problems = try Self.problems([
            "buildings.csv": Self.planar, "street.yaml": "origin: { lat: 31.2 }\n",
        ])
        #expect(problems.map(\.columnName) == ["origin"])
        #expect(problems.first?.problem.contains("lon") == true)
    }
}
