import Foundation
import GridModel

/// Reads the files a roster job takes besides the street and the plan folder: leave.csv, calendar.csv, a pinned
/// (already published) roster.csv, and a visit history at any path.
///
/// Every reader reads its file to the end, collects every problem with file, line, column, value and what was
/// expected, and throws them together; it changes nothing on disk. References (people, residents, grids) are
/// checked against the street already loaded.
public struct RosterFileReader: Sendable {
    /// The street the files belong to.
    public let street: Street
    /// Whether people are checked against the street's: not when its people.csv could not be read (validate still
    /// reads the files, and one broken people.csv must not turn every leave row into an unknown person).
    var checksPeople = true

    /// A reader for files about `street`.
    public init(street: Street) {
        self.street = street
    }

    /// The ids of the street's people, for reference checks.
    var personIDs: Set<String> { Set(street.people.map(\.id.rawValue)) }

    /// The ids of the street's residents, for reference checks.
    var residentIDs: Set<String> { Set(street.residents.map(\.id.rawValue)) }

    /// Reads one CSV table at any path; `name` is the path as the user gave it, for messages.
    static func readTable(
        _ file: URL, required: [String], optional: [String] = [], log: inout IssueLog,
        row handle: (CSVRow, inout IssueLog) -> Void
    ) {
        PlanTable.read(
            file, name: file.relativePath, required: required, optional: optional, log: &log, isRequired: true,
            row: handle)
    }

    /// A date cell; reports a missing or invalid date.
    static func date(_ row: CSVRow, _ column: String, log: inout IssueLog) -> CalendarDate? {
        guard row.text(column) != nil else {
            log.add(row.issue(column, value: nil, problem: Message.text("data.roster.missing_date", ["column": column]),
                    expected: WrittenDate.forms))
            return nil
        }
        return row.date(column, log: &log)
    }

    /// A person reference; reports an unknown person (any person passes when `known` is nil).
    static func person(_ row: CSVRow, _ column: String, known: Set<String>?, log: inout IssueLog) -> PersonID? {
        guard let text = row.required(column, what: DataNoun.personID, log: &log) else { return nil }
        guard known?.contains(text) ?? true else {
            log.add(row.issue(column, value: text, problem: Message.text("data.ref.unknown_person"),
                    expected: Message.text("data.roster.person_of")))
            return nil
        }
        return PersonID(text)
    }

    static func newLog() -> IssueLog { IssueLog(limitPerFile: StreetLoader.defaultIssueLimitPerFile) }
}
