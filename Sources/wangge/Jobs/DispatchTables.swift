import Foundation
import GridData
import GridModel
import GridRules
import Matching

/// The rows of one round's files, made once from the loop and the dispatch: matches.csv, unmatched.csv,
/// request_states.csv, earnings.csv and kpis.json read the same values.
struct DispatchTables {
    /// One request after this round: its state, who holds it, and its 2341 readings.
    struct RequestRow {
        var standing: RequestLoop.Standing
        var state: RequestState
        var volunteer: PersonID?
        var start: LocalDateTime?
        var readings: [ResponseTargetClock.Reading]
        var colour: String
        var level: String
    }

    let rules: MatchingRules
    let asOf: LocalDateTime
    private(set) var matches: [MatchRow] = []
    private(set) var unmatched: [UnmatchedRow] = []
    private(set) var rows: [RequestRow] = []
    private(set) var earnings: [TimeBankEarning] = []
    private(set) var findings: [Finding] = []
    let result: DispatchResult
    let loop: RequestLoop

    init(
        street: Street, rules: MatchingRules, loop: RequestLoop, result: DispatchResult, calendar: [CalendarDay],
        completions: [ServiceCompletion]
    ) {
        self.rules = rules
        self.result = result
        self.loop = loop
        asOf = loop.asOf
        let clock = ResponseTargetClock(targets: rules.responseTargets, calendar: calendar)
        let matchOf = Dictionary(result.matches.map { ($0.request, $0) }, uniquingKeysWith: { first, _ in first })
        let blockOf = Dictionary(result.unmatched.map { ($0.request, $0) }, uniquingKeysWith: { first, _ in first })
        let communityOf = Self.communities(street)
        for var standing in loop.standings {
            let request = standing.request
            var state = standing.state
            var volunteer = standing.volunteer
            var start = standing.start
            if let match = matchOf[request.id] {
                volunteer = match.volunteer
                start = LocalDateTime(minutesSinceEpoch: match.start)
                if !match.fixed {
                    state = .dispatched
                    standing.dispatchedAt = standing.dispatchedAt ?? standing.offerMoment
                }
                matches.append(
                    MatchRow(
                        requestID: request.id, rank: 1, personID: match.volunteer, start: start ?? request.earliest,
                        minutes: request.minutes, state: state,
                        reason: match.fixed
                            ? Message.text("matching.reason.kept", ["state": Self.stateName(state)])
                            : Message.text(
                                "matching.reason.dispatched",
                                [
                                    "metres": "\(Int(match.walkingMetres.rounded()))",
                                    "limit": "\(Int(rules.maxDistanceMetres.value))",
                                ]),
                        dispatchedAt: standing.dispatchedAt))
                for (offset, alternate) in match.alternates.enumerated() {
                    matches.append(
                        MatchRow(
                            requestID: request.id, rank: offset + 2, personID: alternate.volunteer,
                            start: LocalDateTime(minutesSinceEpoch: alternate.start), minutes: request.minutes,
                            state: state,
                            reason: Message.text(
                                "matching.reason.alternate",
                                [
                                    "rank": "\(offset + 2)", "metres": "\(Int(alternate.walkingMetres.rounded()))",
                                    "score": String(format: "%.2f", alternate.score),
                                ])))
                }
            } else if let holder = volunteer, let held = start {
                // Someone holds it who is not a volunteer of the rules (a staff member who served it): listed as is.
                matches.append(
                    MatchRow(
                        requestID: request.id, rank: 1, personID: holder, start: held, minutes: request.minutes,
                        state: state, reason: Message.text("matching.reason.kept", ["state": Self.stateName(state)]),
                        dispatchedAt: standing.dispatchedAt))
            } else if let block = blockOf[request.id] {
                unmatched.append(
                    UnmatchedRow(requestID: request.id, ruleID: block.finding.ruleID, reason: block.finding.message))
                findings.append(block.finding)
            } else if state == .overdue {
                let finding = Finding(
                    ruleID: rules.startStepMinutes.ruleID, level: .hard,
                    location: FindingLocation(communityID: communityOf[request.id], requestID: request.id),
                    amount: 1, message: Message.text("matching.unmatched.overdue", ["request": request.id.rawValue]))
                unmatched.append(UnmatchedRow(requestID: request.id, ruleID: finding.ruleID, reason: finding.message))
                findings.append(finding)
            }
            let readings = clock.readings(standing, asOf: asOf)
            let worst = readings.filter { $0.outcome == .missed }.map(\.lateMinutes).max() ?? 0
            for reading in readings where reading.outcome == .missed {
                findings.append(
                    Finding(
                        ruleID: rules.responseTargets.ruleID, level: .hard,
                        location: FindingLocation(communityID: communityOf[request.id], requestID: request.id),
                        amount: Double(reading.lateMinutes),
                        message: Message.text(
                            "matching.target.missed",
                            [
                                "request": request.id.rawValue, "target": Self.targetName(reading.target),
                                "due": "\(reading.due)", "late": "\(reading.lateMinutes)",
                            ])))
            }
            rows.append(
                RequestRow(
                    standing: standing, state: state, volunteer: volunteer, start: start, readings: readings,
                    colour: rules.loop.urgency(request.urgency)?.colour ?? "",
                    level: rules.loop.escalationLevel(lateMinutes: worst)))
        }
        let serviceOf = Dictionary(loop.standings.map { ($0.request.id, $0.request.service) }, uniquingKeysWith: { a, _ in a })
        for completion in completions {
            guard let confirmed = completion.confirmedAt, confirmed <= asOf,
                let service = serviceOf[completion.requestID]
            else { continue }
            let entry = rules.service(service)
            let earning = TimeBankEarning(
                completion: completion, service: service, fallbackOperator: "wangge",
                credit: { _, minutes in
                    switch entry?.credit {
                    case .perMinute(let rate): Int((Double(minutes) * rate).rounded())
                    case .fixed(let amount): amount
                    case nil: minutes
                    }
                })
            if let earning { earnings.append(earning) }
        }
    }

    /// Each request's community (its requester's building's).
    static func communities(_ street: Street) -> [RequestID: CommunityID] {
        let buildings = Dictionary(street.buildings.map { ($0.id, $0.communityID) }, uniquingKeysWith: { a, _ in a })
        let residents = Dictionary(street.residents.map { ($0.id, $0.buildingID) }, uniquingKeysWith: { a, _ in a })
        var result: [RequestID: CommunityID] = [:]
        for request in street.requests {
            let building: BuildingID? =
                switch request.requester {
                case .resident(let id): residents[id]
                case .building(let id): id
                }
            if let building, let community = buildings[building] { result[request.id] = community }
        }
        return result
    }

    static func stateName(_ state: RequestState) -> String { Message.text("matching.state.\(state.rawValue)") }

    static func targetName(_ target: ResponseTargetClock.Target) -> String {
        Message.text("matching.target.\(target.rawValue)")
    }

    /// request_states.csv's columns.
    static let statesHeader = [
        "request_id", "state", "person_id", "start", "colour", "escalation", "created_at", "dispatched_at",
        "replied_at", "started_at", "confirmed_at",
        "respond", "respond_late_minutes", "reply", "reply_late_minutes", "coordinate", "coordinate_late_minutes",
        "solve", "solve_late_minutes",
    ]

    /// request_states.csv: a row per request ordered by `asOf`, with its state and its four 2341 readings.
    func statesText() -> String {
        var text = CSVWriter.encodeHeader(Self.statesHeader)
        for row in rows {
            let standing = row.standing
            var cells = [
                standing.request.id.rawValue, row.state.rawValue, row.volunteer?.rawValue ?? "",
                row.start?.description ?? "", row.colour, row.level, standing.request.createdAt.description,
                standing.dispatchedAt?.description ?? "", standing.repliedAt?.description ?? "",
                standing.startedAt?.description ?? "", standing.confirmedAt?.description ?? "",
            ]
            for reading in row.readings { cells += [reading.outcome.rawValue, String(reading.lateMinutes)] }
            text += CSVWriter.encodeRow(cells)
        }
        return text
    }
}
