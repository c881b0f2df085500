import Foundation
import GridModel

extension MatchingFileReader {
    static let stateByName: [String: RequestState] = {
        var result: [String: RequestState] = [:]
        for state in RequestState.allCases { result[state.rawValue] = state }
        return result
    }()

    /// matches.csv of a previous dispatch (`--previous`): `request_id, rank, person_id, start, minutes, state,
    /// reason`, the columns the matching job writes first, and the optional `dispatched_at`; the names after them
    /// are ignored. Sorted by request, then rank.
    ///
    /// Problems: a missing file, an unknown request or person, a rank below 1 or given twice for a request, an
    /// invalid start, minutes below 1, a state not in the list.
    public func readMatches(file: URL) throws(GridDataError) -> [MatchRow] {
        var log = RosterFileReader.newLog()
        var rows: [MatchRow] = []
        var lineOfRank: [RequestID: [Int: Int]] = [:]
        let required = ["request_id", "rank", "person_id", "start", "minutes", "state"]
        RosterFileReader.readTable(file, required: required, optional: ["reason", "dispatched_at"], log: &log) { row, log in
            let request = self.request(row, log: &log)
            let rank = row.requiredInteger("rank", in: 1...Int(Int32.max), what: DataNoun.rank, log: &log)
            let person = RosterFileReader.person(row, "person_id", known: personIDs, log: &log)
            let start = Self.dateTime(row, "start", log: &log)
            let minutes = row.requiredInteger(
                "minutes", in: 1...StreetLimits.maximumRequestMinutes, what: DataNoun.minutes, log: &log)
            var state: RequestState?
            if let text = row.required("state", what: DataNoun.requestState, log: &log) {
                state = Self.stateByName[ColumnAliases.normalise(text)]
                if state == nil {
                    log.add(
                        row.issue(
                            "state", value: text, problem: Message.text("data.match.unknown_state"),
                            expected: Message.text(
                                "data.ref.one_of",
                                ["items": Language.current.list(RequestState.allCases.map(\.rawValue))])))
                }
            }
            if let request, let rank {
                if let first = lineOfRank[request.id]?[rank] {
                    log.add(
                        row.issue(
                            "rank", value: String(rank),
                            problem: Message.text("data.match.rank_twice", ["line": "\(first)"]),
                            expected: Message.text("data.match.one_row_per_rank")))
                    return
                }
                lineOfRank[request.id, default: [:]][rank] = row.line
            }
            let dispatchedAt = row.text("dispatched_at") == nil ? nil : Self.dateTime(row, "dispatched_at", log: &log)
            guard let request, let rank, let person, let start, let minutes, let state else { return }
            rows.append(
                MatchRow(
                    requestID: request.id, rank: rank, personID: person, start: start, minutes: minutes, state: state,
                    reason: row.text("reason") ?? "", dispatchedAt: dispatchedAt))
        }
        guard log.isEmpty else { throw log.error() }
        return rows.sorted { ($0.requestID, $0.rank) < ($1.requestID, $1.rank) }
    }
}
