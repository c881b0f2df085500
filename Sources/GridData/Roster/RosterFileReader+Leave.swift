import Foundation
import GridModel

extension RosterFileReader {
    /// leave.csv at any path: `person_id, from, to` (both days included), sorted by person, then start.
    ///
    /// Problems: a missing file, an unknown person, a missing or invalid date, `to` before `from`.
    public func readLeave(file: URL) throws(GridDataError) -> [Leave] {
        var log = Self.newLog()
        var leave: [Leave] = []
        let people = checksPeople ? personIDs : nil
        Self.readTable(file, required: ["person_id", "from", "to"], log: &log) { row, log in
            let person = Self.person(row, "person_id", known: people, log: &log)
            let from = Self.date(row, "from", log: &log)
            let to = Self.date(row, "to", log: &log)
            if let from, let to, to < from {
                log.add(
                    row.issue(
                        "to", value: to.description, problem: Message.text("data.leave.reversed"),
                        expected: Message.text("data.leave.no_earlier_than", ["from": "\(from)"])))
                return
            }
            guard let person, let from, let to else { return }
            leave.append(Leave(personID: person, from: from, to: to))
        }
        guard log.isEmpty else { throw log.error() }
        return leave.sorted { ($0.personID, $0.from, $0.to) < ($1.personID, $1.from, $1.to) }
    }
}
