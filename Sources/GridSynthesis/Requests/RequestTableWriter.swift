import Foundation
import GridData
import GridModel

/// Writes generated orders as requests.csv (../shared/spec/data-format.md): `request_id, resident_id,
/// building_id, service, created_at, earliest, latest, minutes, urgency, note`, one of `resident_id` and
/// `building_id` filled.
///
/// Its own writer rather than ``GridData/StreetWriter``'s because a street's ``GridModel/ServiceRequest`` cannot
/// yet name a requester by building. A city appends each street's orders to the same file. Synthetic data, so
/// written shareable like the rest of a generated folder. Not `Sendable`: it owns an open file.
public final class RequestTableWriter {
    /// The columns, in the data format's order.
    public static let header = [
        "request_id", "resident_id", "building_id", "service", "created_at", "earliest", "latest", "minutes",
        "urgency", "note",
    ]
    /// The file's name in a street folder.
    public static let fileName = "requests.csv"

    private let file: CSVWriter

    /// Creates (or replaces) requests.csv in `directory`, which must exist.
    /// - Throws: ``GridData/OutputError`` naming the path when the file cannot be created.
    public init(directory: URL) throws(OutputError) {
        file = try CSVWriter(url: directory.appendingPathComponent(Self.fileName), header: Self.header)
    }

    /// Rows written so far.
    public var rowCount: Int { file.rowCount }

    /// Adds `requests` in their order.
    public func append(_ requests: [GeneratedRequest]) throws(OutputError) {
        for request in requests { try file.write(Self.row(request)) }
    }

    /// Flushes and closes the file.
    public func finish() throws(OutputError) { try file.close() }

    /// Writes `requests` as `directory`/requests.csv.
    public static func write(_ requests: [GeneratedRequest], to directory: URL) throws(OutputError) {
        let writer = try RequestTableWriter(directory: directory)
        try writer.append(requests)
        try writer.finish()
    }

    /// One row: the requester in its own column, the other left empty; no note.
    static func row(_ request: GeneratedRequest) -> [String] {
        var resident = ""
        var building = ""
        switch request.requester {
        case .resident(let id): resident = id.rawValue
        case .building(let id): building = id.rawValue
        }
        return [
            request.id.rawValue, resident, building, request.service.rawValue, request.createdAt.description,
            request.earliest.description, request.latest.description, String(request.minutes),
            request.urgency.rawValue, "",
        ]
    }
}
