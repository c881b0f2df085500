import Foundation
import GridModel

extension RosterFileReader {
    /// A visit history (visits.csv columns: `date, person_id, resident_id, outcome`) at any path.
    ///
    /// The street reader's own visits.csv code reads it, seeded with the loaded street's people and residents, so
    /// it is checked exactly as a street folder's visits.csv (unknown person or resident, bad date, unknown outcome),
    /// and messages name the path given. Sorted by date, person, resident.
    public func readHistory(file: URL) throws(GridDataError) -> [Visit] {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw GridDataError(
                DataIssue(
                    file: file.relativePath, problem: "no such history file",
                    expected: "a visits CSV file (date, person_id, resident_id, outcome)"))
        }
        var directory = file.deletingLastPathComponent()
        var temporary: URL?
        if file.lastPathComponent != StreetFile.visits.fileName {
            // The street reader reads visits.csv by name: give it a link under that name in a private folder.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "wangge-history-\(UUID().uuidString)")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(
                    at: folder.appendingPathComponent(StreetFile.visits.fileName),
                    withDestinationURL: file.standardizedFileURL.absoluteURL)
            } catch {
                throw GridDataError(DataIssue(file: file.relativePath, problem: "the file cannot be read: \(error)"))
            }
            directory = folder
            temporary = folder
        }
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let reading = StreetReading(directory: directory, issueLimitPerFile: StreetLoader.defaultIssueLimitPerFile)
        var people: [String: Int] = [:]
        for person in street.people { people[person.id.rawValue] = 1 }
        reading.personLines = people
        var residents: [String: Int] = [:]
        for resident in street.residents { residents[resident.id.rawValue] = 1 }
        reading.residentLines = residents
        reading.readVisits()
        guard reading.log.isEmpty else {
            var error = reading.log.error()
            error.issues = error.issues.map { issue in
                var renamed = issue
                if renamed.file == StreetFile.visits.fileName { renamed.file = file.relativePath }
                return renamed
            }
            if let more = error.omitted.removeValue(forKey: StreetFile.visits.fileName) {
                error.omitted[file.relativePath, default: 0] += more
            }
            throw error
        }
        return reading.visits.sorted { lhs, rhs in
            if lhs.date != rhs.date { return lhs.date < rhs.date }
            if lhs.personID != rhs.personID { return lhs.personID < rhs.personID }
            return lhs.residentID < rhs.residentID
        }
    }
}
