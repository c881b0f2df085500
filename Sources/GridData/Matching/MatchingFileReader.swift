import Foundation
import GridModel

/// Reads the files of the matching loop at any path: responses.csv (volunteers' answers) and completions.csv (the
/// services done), checking every request against the requests given and every person against the street's.
///
/// As the roster's readers do, each reads its file to the end, collects every problem with file, line, column,
/// value and what was expected, and throws them together; rows come back sorted (by request, then time, then
/// person), so that the same file always gives the same loop.
public struct MatchingFileReader: Sendable {
    /// The requests answered and served, by id.
    let requestsByID: [RequestID: ServiceRequest]
    /// The street's people, or nil to accept any person (validate, when people.csv could not be read).
    let personIDs: Set<String>?
    /// Whether request ids are checked against ``requestsByID``: not when the requests could not be read (validate
    /// still reads the file, and one broken requests.csv must not turn every answer into an unknown request).
    let checksRequests: Bool

    /// A reader for answers to `requests` (the street's by default) by the people of `street`; `checksPeople` false
    /// accepts any person, `checksRequests` false any request (and then cannot compare times with its creation).
    public init(
        street: Street, requests: [ServiceRequest]? = nil, checksPeople: Bool = true, checksRequests: Bool = true
    ) {
        var byID: [RequestID: ServiceRequest] = [:]
        for request in requests ?? street.requests { byID[request.id] = request }
        requestsByID = byID
        personIDs = checksPeople ? Set(street.people.map(\.id.rawValue)) : nil
        self.checksRequests = checksRequests
    }

    static let answerByName: [String: RequestResponse.Answer] = {
        var result: [String: RequestResponse.Answer] = [:]
        for answer in RequestResponse.Answer.allCases { result[answer.rawValue] = answer }
        for (alias, answer) in ValueAliases.responseAnswers { result[alias] = answer }
        return result
    }()

    static let outcomeByName: [String: ServiceCompletion.Outcome] = {
        var result: [String: ServiceCompletion.Outcome] = [:]
        for outcome in ServiceCompletion.Outcome.allCases { result[outcome.rawValue] = outcome }
        for (alias, outcome) in ValueAliases.serviceOutcomes { result[alias] = outcome }
        return result
    }()

    /// responses.csv at any path: `request_id, person_id, response` (accept/decline), `at`.
    ///
    /// Problems: a missing file, an unknown request, an unknown person, an answer not in the list, a missing or
    /// invalid time, an answer dated before the request was made.
    public func readResponses(file: URL) throws(GridDataError) -> [RequestResponse] {
        var log = RosterFileReader.newLog()
        var responses: [RequestResponse] = []
        RosterFileReader.readTable(file, required: ["request_id", "person_id", "response", "at"], log: &log) {
            row, log in
            let request = self.request(row, log: &log)
            let person = RosterFileReader.person(row, "person_id", known: personIDs, log: &log)
            var answer: RequestResponse.Answer?
            if let text = row.required("response", what: DataNoun.response, log: &log) {
                answer = Self.answerByName[text] ?? Self.answerByName[ColumnAliases.normalise(text)]
                if answer == nil {
                    log.add(
                        row.issue(
                            "response", value: text, problem: Message.text("data.response.unknown_answer"),
                            expected: Message.text(
                                "data.response.answers",
                                ["chinese_names": Language.current.list(ValueAliases.responseAnswers.map(\.alias))])))
                }
            }
            let at = Self.dateTime(row, "at", log: &log)
            if let created = request?.createdAt, let at, at < created {
                log.add(
                    row.issue(
                        "at", value: at.description, problem: Message.text("data.response.before_request"),
                        expected: Message.text("data.response.not_before", ["created_at": "\(created)"])))
                return
            }
            guard let request, let person, let answer, let at else { return }
            responses.append(RequestResponse(requestID: request.id, personID: person, answer: answer, at: at))
        }
        guard log.isEmpty else { throw log.error() }
        return responses.sorted { ($0.requestID, $0.at, $0.personID) < ($1.requestID, $1.at, $1.personID) }
    }

    /// completions.csv at any path: `request_id, person_id, started_at, minutes, outcome` (done, cancelled,
    /// no_show)`, confirmed_by, confirmed_at` (the last two empty while unconfirmed).
    ///
    /// Problems: a missing file, an unknown request, an unknown person, minutes below 1, an outcome not in the list,
    /// a missing or invalid time, a start before the request was made, a confirmation before the start.
    public func readCompletions(file: URL) throws(GridDataError) -> [ServiceCompletion] {
        var log = RosterFileReader.newLog()
        var completions: [ServiceCompletion] = []
        let required = ["request_id", "person_id", "started_at", "minutes", "outcome"]
        RosterFileReader.readTable(file, required: required, optional: ["confirmed_by", "confirmed_at"], log: &log) {
            row, log in
            let request = self.request(row, log: &log)
            let person = RosterFileReader.person(row, "person_id", known: personIDs, log: &log)
            let started = Self.dateTime(row, "started_at", log: &log)
            var startsBeforeRequest = false
            if let created = request?.createdAt, let started, started < created {
                startsBeforeRequest = true
                log.add(
                    row.issue(
                        "started_at", value: started.description,
                        problem: Message.text("data.completion.started_before_request"),
                        expected: Message.text("data.response.not_before", ["created_at": "\(created)"])))
            }
            let minutes = row.requiredInteger(
                "minutes", in: 1...StreetLimits.maximumRequestMinutes, what: DataNoun.minutes, log: &log)
            var outcome: ServiceCompletion.Outcome?
            if let text = row.required("outcome", what: DataNoun.serviceOutcome, log: &log) {
                outcome = Self.outcomeByName[text] ?? Self.outcomeByName[ColumnAliases.normalise(text)]
                if outcome == nil {
                    log.add(
                        row.issue(
                            "outcome", value: text, problem: Message.text("data.completion.unknown_outcome"),
                            expected: Message.text(
                                "data.completion.outcomes",
                                ["chinese_names": Language.current.list(ValueAliases.serviceOutcomes.map(\.alias))])))
                }
            }
            var confirmedAt: LocalDateTime?
            if row.text("confirmed_at") != nil {
                confirmedAt = Self.dateTime(row, "confirmed_at", log: &log)
                if let started, let confirmed = confirmedAt, confirmed < started {
                    log.add(
                        row.issue(
                            "confirmed_at", value: confirmed.description,
                            problem: Message.text("data.completion.confirmed_before_start"),
                            expected: Message.text("data.completion.not_before_start", ["started_at": "\(started)"])))
                    return
                }
            }
            guard let request, let person, let started, !startsBeforeRequest, let minutes, let outcome
            else { return }
            completions.append(
                ServiceCompletion(
                    requestID: request.id, personID: person, startedAt: started, minutes: minutes, outcome: outcome,
                    confirmedBy: row.text("confirmed_by"), confirmedAt: confirmedAt))
        }
        guard log.isEmpty else { throw log.error() }
        return completions.sorted {
            ($0.requestID, $0.startedAt, $0.personID) < ($1.requestID, $1.startedAt, $1.personID)
        }
    }

    /// The request a row names, with its creation time when known; reports a missing or unknown one.
    func request(_ row: CSVRow, log: inout IssueLog) -> (id: RequestID, createdAt: LocalDateTime?)? {
        guard let text = row.required("request_id", what: DataNoun.requestID, log: &log) else { return nil }
        let id = RequestID(text)
        guard checksRequests else { return (id, requestsByID[id]?.createdAt) }
        guard let request = requestsByID[id] else {
            log.add(
                row.issue(
                    "request_id", value: text, problem: Message.text("data.response.unknown_request"),
                    expected: Message.text("data.response.request_of")))
            return nil
        }
        return (id, request.createdAt)
    }

    /// A required date and time (`2026-11-23T09:00`, or as Excel shows it: `2026/11/23 9:00`).
    static func dateTime(_ row: CSVRow, _ column: String, log: inout IssueLog) -> LocalDateTime? {
        guard let text = row.text(column) else {
            log.add(
                row.issue(
                    column, value: nil, problem: Message.text("data.matching.missing_time", ["column": column]),
                    expected: Message.text("data.date.time_expected")))
            return nil
        }
        if let value = WrittenDate.dateTime(text) { return value }
        log.add(
            row.issue(
                column, value: text, problem: Message.text("data.date.time_invalid"),
                expected: Message.text("data.date.time_expected")))
        return nil
    }
}
