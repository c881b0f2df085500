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
                    file: file.relativePath, problem: Message.text("data.history.no_file"),
                    expected: Message.text("data.history.file_expected")))
        }
        let link = try StreetFileLink(file, as: .visits, reportedName: file.relativePath)
        defer { link.remove() }
        let reading = StreetReading(directory: link.directory, issueLimitPerFile: StreetLoader.defaultIssueLimitPerFile)
        var people: [String: Int] = [:]
        for person in street.people { people[person.id.rawValue] = 1 }
        reading.personLines = people
        var residents: [String: Int] = [:]
        for resident in street.residents { residents[resident.id.rawValue] = 1 }
        reading.residentLines = residents
        reading.readVisits()
        guard reading.log.isEmpty else {
            var error = link.renamingIssues(of: reading.log.error())
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
