import Foundation
import GridData
import GridModel
import GridRules
import Matching
import Testing

/// The loop over three rounds on the sample street's orders of two communities: dispatch, 30 % declines,
/// re-dispatch, then acceptances and services. The rounds' rows are composed here as the job does (rank 1, state,
/// first dispatch time), so that the loop's rules are tested through RequestLoop, the builder and the dispatcher.
@Suite("Request loop simulation")
struct RequestLoopSimulationTests {
    static let week = ISOWeek(year: 2026, week: 48)!
    static let communities: Set<CommunityID> = [CommunityID("C02"), CommunityID("C05")]

    static func street() throws -> Street {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var street = try StreetLoader.load(from: root.appendingPathComponent("Scenarios/sample-street"))
        let buildings = Dictionary(street.buildings.map { ($0.id, $0.communityID) }, uniquingKeysWith: { a, _ in a })
        let homes = Dictionary(street.residents.map { ($0.id, $0.buildingID) }, uniquingKeysWith: { a, _ in a })
        let weekEnd = LocalDateTime(date: week.monday.adding(days: 7), minuteOfDay: 0)
        street.requests = street.requests.filter { request in
            let building: BuildingID? =
                switch request.requester {
                case .resident(let id): homes[id]
                case .building(let id): id
                }
            return building.flatMap { buildings[$0] }.map(communities.contains) == true && request.earliest < weekEnd
        }
        return street
    }

    /// One round: the loop at the end of the week (batch), its dispatch, and the rank-1 rows the job would write.
    static func round(
        street: Street, rules: RuleSet, previous: [MatchRow], responses: [RequestResponse],
        completions: [ServiceCompletion]
    ) throws -> (loop: RequestLoop, result: DispatchResult, rows: [MatchRow]) {
        let asOf = LocalDateTime(date: week.monday.adding(days: 7), minuteOfDay: 0)
        let loop = RequestLoop(
            requests: street.requests, previous: previous, responses: responses, completions: completions,
            asOf: asOf, offersAtAsOf: false)
        let problem = DispatchProblemBuilder(street: street, rules: rules, week: week).problem(loop: loop).problem
        let result = try Dispatcher(rules: DispatchRules(rules.matching)).dispatch(problem)
        let standingOf = Dictionary(loop.standings.map { ($0.request.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [MatchRow] = []
        for match in result.matches {
            guard let standing = standingOf[match.request] else { continue }
            rows.append(
                MatchRow(
                    requestID: match.request, rank: 1, personID: match.volunteer,
                    start: LocalDateTime(minutesSinceEpoch: match.start), minutes: standing.request.minutes,
                    state: match.fixed ? standing.state : .dispatched, reason: "",
                    dispatchedAt: standing.dispatchedAt ?? standing.offerMoment))
        }
        return (loop, result, rows)
    }

    @Test("Three rounds: no accepted match moves, nobody is offered a request twice, every request ends answered")
    func threeRounds() throws {
        let street = try Self.street()
        let rules = try RuleSet.builtIn()
        #expect(street.requests.count >= 40)
        var random = SplitMix64(seed: 13)
        var responses: [RequestResponse] = []
        var completions: [ServiceCompletion] = []
        var offers: [RequestID: [PersonID]] = [:]
        var accepted: [RequestID: MatchRow] = [:]
        var previous: [MatchRow] = []
        var declines = 0
        for roundNumber in 1...3 {
            let (_, result, rows) = try Self.round(
                street: street, rules: rules, previous: previous, responses: responses, completions: completions)
            for row in rows {
                if let kept = accepted[row.requestID] {
                    // An accepted match never moves: same volunteer, same start.
                    #expect(row.personID == kept.personID && row.start == kept.start, "\(row.requestID) moved")
                    continue
                }
                let newOffer = previous.first { $0.requestID == row.requestID && $0.personID == row.personID } == nil
                guard newOffer else { continue }
                #expect(
                    !(offers[row.requestID] ?? []).contains(row.personID),
                    "\(row.requestID) offered to \(row.personID) twice")
                offers[row.requestID, default: []].append(row.personID)
                let at = LocalDateTime(minutesSinceEpoch: (row.dispatchedAt ?? row.start).minutesSinceEpoch + 10)
                // Rounds 1 and 2 decline three offers in ten; round 3's offers are all accepted.
                let declines30 = roundNumber < 3 && random.below(10) < 3
                responses.append(
                    RequestResponse(
                        requestID: row.requestID, personID: row.personID, answer: declines30 ? .decline : .accept,
                        at: at))
                if declines30 {
                    declines += 1
                } else {
                    var acceptedRow = row
                    acceptedRow.state = .accepted
                    accepted[row.requestID] = acceptedRow
                }
            }
            if roundNumber == 2 {
                // Services of round 1's acceptances: done and confirmed an hour after they start.
                for row in accepted.values.sorted(by: { $0.requestID < $1.requestID }) {
                    let end = LocalDateTime(minutesSinceEpoch: row.start.minutesSinceEpoch + row.minutes + 60)
                    completions.append(
                        ServiceCompletion(
                            requestID: row.requestID, personID: row.personID, startedAt: row.start,
                            minutes: row.minutes, outcome: .done, confirmedBy: "P000001", confirmedAt: end))
                }
            }
            previous = rows
            if roundNumber == 3 {
                #expect(result.unmatched.allSatisfy { !$0.finding.message.isEmpty })
            }
        }
        #expect(declines >= 5, "the simulation declined too little to test re-dispatch: \(declines)")
        // Where the loop ends: every request accepted, served, or unmatched with the rule that blocked it.
        let final = try Self.round(
            street: street, rules: rules, previous: previous, responses: responses, completions: completions)
        let unmatched = Dictionary(final.result.unmatched.map { ($0.request, $0) }, uniquingKeysWith: { a, _ in a })
        for standing in final.loop.standings {
            switch standing.state {
            case .accepted, .done, .confirmed:
                continue
            case .open, .declined:
                // A request still open in the final round was not offered again: nobody left could take it.
                #expect(
                    unmatched[standing.request.id] != nil || final.rows.contains { $0.requestID == standing.request.id },
                    "\(standing.request.id) is \(standing.state) without a reason")
                if let reason = unmatched[standing.request.id] {
                    #expect(!reason.finding.ruleID.rawValue.isEmpty)
                }
            case .overdue:
                #expect(offers[standing.request.id] == nil || standing.volunteer == nil)
            case .dispatched, .cancelled:
                Issue.record("\(standing.request.id) ends \(standing.state)")
            }
            // Nobody who declined holds it.
            if let holder = standing.volunteer {
                let decliners = responses.filter { $0.requestID == standing.request.id && $0.answer == .decline }
                #expect(!decliners.map(\.personID).contains(holder))
            }
        }
        let confirmed = final.loop.standings.filter { $0.state == .confirmed }.count
        #expect(confirmed >= 1)
    }

    @Test("The loop's states follow the answers and services, counted only up to as-of")
    func states() throws {
        let street = try Self.street()
        let requests = Array(street.requests.prefix(4))
        try #require(requests.count == 4)
        let volunteer = PersonID("P000010")
        let other = PersonID("P000011")
        func offer(_ request: ServiceRequest, _ person: PersonID) -> MatchRow {
            MatchRow(
                requestID: request.id, rank: 1, personID: person, start: request.earliest, minutes: request.minutes,
                state: .dispatched, reason: "", dispatchedAt: request.createdAt)
        }
        func later(_ request: ServiceRequest, _ minutes: Int) -> LocalDateTime {
            LocalDateTime(minutesSinceEpoch: request.createdAt.minutesSinceEpoch + minutes)
        }
        let previous = requests.map { offer($0, volunteer) }
        let responses = [
            RequestResponse(requestID: requests[0].id, personID: volunteer, answer: .accept, at: later(requests[0], 5)),
            RequestResponse(requestID: requests[1].id, personID: volunteer, answer: .decline, at: later(requests[1], 5)),
            RequestResponse(requestID: requests[2].id, personID: other, answer: .accept, at: later(requests[2], 5)),
        ]
        let completions = [
            ServiceCompletion(
                requestID: requests[3].id, personID: volunteer, startedAt: requests[3].earliest,
                minutes: requests[3].minutes, outcome: .noShow)
        ]
        let asOf = LocalDateTime(date: Self.week.monday.adding(days: 7), minuteOfDay: 0)
        let loop = RequestLoop(
            requests: requests, previous: previous, responses: responses, completions: completions, asOf: asOf,
            offersAtAsOf: false)
        let byID = Dictionary(loop.standings.map { ($0.request.id, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byID[requests[0].id]?.state == .accepted)
        #expect(byID[requests[0].id]?.needsDispatch == false)
        let declined = try #require(byID[requests[1].id])
        #expect(declined.excluded == [volunteer])
        #expect(declined.volunteer == nil)
        #expect(declined.state == .declined || declined.state == .overdue)
        // An answer from someone who held no offer is reported; the offer stays with its holder.
        #expect(loop.unofferedResponses.map(\.requestID) == [requests[2].id])
        #expect(byID[requests[2].id]?.volunteer == volunteer)
        let noShow = try #require(byID[requests[3].id])
        #expect(noShow.excluded.contains(volunteer) && noShow.volunteer == nil)
        // Before every answer and service, nothing has happened yet: those ordered are still with their volunteer.
        let firstEvent = (responses.map(\.at) + completions.map(\.startedAt)).min()!
        let early = RequestLoop(
            requests: requests, previous: previous, responses: responses, completions: completions,
            asOf: LocalDateTime(minutesSinceEpoch: firstEvent.minutesSinceEpoch - 1), offersAtAsOf: true)
        #expect(early.laterEvents == responses.count + completions.count)
        #expect(early.standings.count + early.notYetOrdered.count == requests.count)
        #expect(early.standings.allSatisfy { $0.volunteer == volunteer && $0.excluded.isEmpty })
    }
}
