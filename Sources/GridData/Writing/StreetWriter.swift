import Foundation
import GridModel

/// Writes a ``GridModel/Street`` as a street folder (../shared/spec/data-format.md) with the spec's column names.
///
/// Use ``write(_:to:options:)`` for one street. A city is written street by street with ``append(_:)`` so that
/// it never sits in memory whole: rows of each call are added to the same files (departments and other shared
/// rows must then be given once); a single street written whole also gets street.yaml with its name and origin. Always
/// written: buildings, units, barriers, communities, departments, people,
/// residents (header only when empty). Written when present: adjacency.csv (when `adjacency` is not nil),
/// grids.csv (current plan), locks.csv, visits.csv, requests.csv. Rows keep the order of the street's arrays,
/// which a `Street` keeps sorted by id. Positions are always written as planar `x, y` metres (a street read from
/// `lat, lon` is written in its projected frame). Not `Sendable`: it owns open files.
public final class StreetWriter {
    /// Choices that fix the files' columns before the first row is written.
    public struct Options: Hashable, Sendable {
        /// Decimals of x and y in metres.
        public var coordinatePlaces: Int
        /// Adds a `street_id` column to buildings.csv (a city folder).
        public var streetColumn: Bool
        /// Adds `x, y` columns to people.csv for people whose home is a position rather than a building.
        public var personCoordinates: Bool
        /// Adds a `work_building_id` column to people.csv.
        public var workColumn: Bool

        /// Options with one decimal of a metre and no optional columns unless asked for.
        public init(coordinatePlaces: Int = 1, streetColumn: Bool = false, personCoordinates: Bool = false,
                    workColumn: Bool = false) {
            self.workColumn = workColumn
            self.coordinatePlaces = coordinatePlaces
            self.streetColumn = streetColumn
            self.personCoordinates = personCoordinates
        }

        /// The columns `street` needs: a street column when a building names its street, person coordinates
        /// when someone's home is a position.
        public static func fitting(_ street: Street, coordinatePlaces: Int = 1) -> Options {
            Options(
                coordinatePlaces: coordinatePlaces,
                streetColumn: street.buildings.contains { $0.streetID != nil },
                personCoordinates: street.people.contains {
                    if case .point = $0.home { return true }
                    return false
                },
                workColumn: street.people.contains { $0.workBuildingID != nil }
            )
        }
    }

    /// The folder written to.
    public let directory: URL
    /// The columns chosen when the writer opened its files.
    public let options: Options
    private let buildings: CSVWriter
    private let units: CSVWriter
    private let barriers: CSVWriter
    private let communities: CSVWriter
    private let departments: CSVWriter
    private let people: CSVWriter
    private let residents: CSVWriter
    private var optional: [String: CSVWriter] = [:]

    /// Creates the folder if needed and opens the files every street folder has.
    /// - Throws: Foundation's file error, naming the path, when the folder or a file cannot be created.
    public init(directory: URL, options: Options = Options()) throws {
        self.directory = directory
        self.options = options
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func open(_ name: String, _ header: [String]) throws -> CSVWriter {
            try CSVWriter(url: directory.appendingPathComponent(name), header: header)
        }
        buildings = try open("buildings.csv", Self.buildingHeader(options))
        units = try open("units.csv", Self.unitHeader)
        barriers = try open("barriers.csv", Self.barrierHeader)
        communities = try open("communities.csv", Self.communityHeader)
        departments = try open("departments.csv", Self.departmentHeader)
        people = try open("people.csv", Self.personHeader(options))
        residents = try open("residents.csv", Self.residentHeader)
    }

    /// Writes `street` as a complete folder at `directory`, replacing files of the same names.
    public static func write(_ street: Street, to directory: URL, options: Options? = nil) throws {
        let writer = try StreetWriter(directory: directory, options: options ?? .fitting(street))
        try writer.append(street)
        try writer.finish()
        if let settings = settingsText(street) {
            try Data(settings.utf8).write(to: directory.appendingPathComponent(StreetSettings.fileName))
        }
    }

    /// street.yaml for `street`: its name, and the WGS84 origin of its metres when it has a projection (positions
    /// are written as x, y in that projection's frame, so the origin is its reference point); nil when there is
    /// neither.
    static func settingsText(_ street: Street) -> String? {
        var lines: [String] = []
        if let name = street.name { lines.append("name: \(JSONText.quoted(name))") }
        if let projection = street.projection {
            // Swift's shortest round-trip form, so that the folder read back has the same projection.
            lines.append("origin: { lat: \(projection.referenceLatitude), lon: \(projection.referenceLongitude) }")
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n") + "\n"
    }

    /// Adds every row of `street` to the folder's files.
    /// - Complexity: O(rows of the street).
    public func append(_ street: Street) throws {
        for building in street.buildings { try buildings.write(Self.row(building, options)) }
        for unit in street.units { try units.write(Self.row(unit)) }
        for segment in street.barriers { try barriers.write(Self.row(segment, options)) }
        for community in street.communities { try communities.write(Self.row(community)) }
        for department in street.departments { try departments.write(Self.row(department)) }
        for person in street.people { try people.write(Self.row(person, options)) }
        for resident in street.residents { try residents.write(Self.row(resident)) }
        if let adjacency = street.adjacency {
            let file = try optionalFile("adjacency.csv", Self.adjacencyHeader)
            for pair in adjacency { try file.write([pair.first.rawValue, pair.second.rawValue]) }
        }
        if let plan = street.currentPlan {
            let file = try optionalFile("grids.csv", Self.gridHeader)
            for assignment in plan { try file.write(Self.row(assignment)) }
        }
        if !street.locks.isEmpty {
            let file = try optionalFile("locks.csv", Self.lockHeader)
            for lock in street.locks { try file.write(Self.row(lock)) }
        }
        if !street.visits.isEmpty {
            let file = try optionalFile("visits.csv", Self.visitHeader)
            for visit in street.visits { try file.write(Self.row(visit)) }
        }
        if !street.requests.isEmpty {
            let file = try optionalFile("requests.csv", Self.requestHeader)
            for request in street.requests { try file.write(Self.row(request)) }
        }
    }

    /// Flushes and closes every file.
    public func finish() throws {
        for writer in [buildings, units, barriers, communities, departments, people, residents] {
            try writer.close()
        }
        for name in optional.keys.sorted() {
            try optional[name]?.close()
        }
    }

    /// Rows written so far to the file `name` (header excluded); nil for a file not opened.
    public func rowCount(of name: String) -> Int? {
        let fixed = [
            "buildings.csv": buildings, "units.csv": units, "barriers.csv": barriers, "communities.csv": communities,
            "departments.csv": departments, "people.csv": people, "residents.csv": residents,
        ]
        return (fixed[name] ?? optional[name])?.rowCount
    }

    private func optionalFile(_ name: String, _ header: [String]) throws -> CSVWriter {
        if let file = optional[name] { return file }
        let file = try CSVWriter(url: directory.appendingPathComponent(name), header: header)
        optional[name] = file
        return file
    }
}
