import Foundation
import GridData
import GridModel
import GridRules
import Matching

/// kpis.json's `details` of the matching job: how the round stood, how each part solved, and every request's 2341
/// readings (so that a checker can recompute them from the input times).
struct MatchingDetails: Encodable, Sendable {
    struct Part: Encodable, Sendable {
        var communityId: String?
        var date: String?
        var requests: Int
        var candidates: Int
        var constraints: Int
        var optimal: Bool
        var volunteersTrimmed: Bool
        /// Per tier (priority, walking, load): GLPK's status, value, bound and gap.
        var tiers: [Tier]
    }

    struct Tier: Encodable, Sendable {
        var tier: String
        var status: String
        var objective: Double
        var bound: Double
        var gap: Double
    }

    /// One target's tally over the week's requests.
    struct Tally: Encodable, Sendable {
        var met = 0
        var missed = 0
        var pending = 0
        var cancelled = 0
        var lateMinutes = 0
    }

    struct Reading: Encodable, Sendable {
        var outcome: String
        var due: String
        var at: String?
        var lateMinutes: Int
    }

    struct Request: Encodable, Sendable {
        var requestId: String
        var state: String
        var colour: String
        var escalation: String
        var respond: Reading
        var reply: Reading
        var coordinate: Reading
        var solve: Reading
    }

    var week: String
    var asOf: String
    /// `batch` (offers as orders came, standing at the end of the week) or `live` (offers at `as_of`).
    var mode: String
    var parts: [Part]
    var targets: [String: Tally]
    var states: [String: Int]
    var requests: [Request]
}

extension DispatchTables {
    func report(
        seed: UInt64, ruleSet: RuleSetIdentity, week: ISOWeek, asOf: LocalDateTime, live: Bool, unplaced: [RequestID],
        planGiven: Bool
    ) -> JobReport<MatchingDetails> {
        var states: [String: Int] = [:]
        for state in RequestState.allCases { states[state.rawValue] = 0 }
        for row in rows { states[row.state.rawValue, default: 0] += 1 }
        var tallies: [String: MatchingDetails.Tally] = [:]
        for target in ResponseTargetClock.Target.allCases { tallies[target.rawValue] = MatchingDetails.Tally() }
        var requests: [MatchingDetails.Request] = []
        for row in rows {
            var readings: [MatchingDetails.Reading] = []
            for reading in row.readings {
                var tally = tallies[reading.target.rawValue] ?? MatchingDetails.Tally()
                switch reading.outcome {
                case .met: tally.met += 1
                case .missed: tally.missed += 1
                case .pending: tally.pending += 1
                case .cancelled: tally.cancelled += 1
                }
                tally.lateMinutes += reading.lateMinutes
                tallies[reading.target.rawValue] = tally
                readings.append(
                    MatchingDetails.Reading(
                        outcome: reading.outcome.rawValue, due: reading.due.description, at: reading.at?.description,
                        lateMinutes: reading.lateMinutes))
            }
            requests.append(
                MatchingDetails.Request(
                    requestId: row.standing.request.id.rawValue, state: row.state.rawValue, colour: row.colour,
                    escalation: row.level, respond: readings[0], reply: readings[1], coordinate: readings[2],
                    solve: readings[3]))
        }
        let parts = result.parts.map { part in
            MatchingDetails.Part(
                communityId: part.community?.rawValue,
                date: part.day.map { CalendarDate(daysSinceEpoch: $0).description }, requests: part.requests,
                candidates: part.candidates, constraints: part.constraints, optimal: part.isOptimal,
                volunteersTrimmed: part.volunteersTrimmed,
                tiers: part.tiers.map {
                    MatchingDetails.Tier(
                        tier: $0.tier.rawValue, status: "\($0.status)", objective: $0.objective, bound: $0.bound,
                        gap: $0.gap)
                })
        }
        let newlyDispatched = matches.filter { $0.isDispatched && $0.state == .dispatched }.count
        let alternates = matches.filter { !$0.isDispatched }.count
        let optimalParts = result.parts.filter(\.isOptimal).count
        let candidates = result.parts.map(\.candidates).reduce(0, +)
        let earnedMinutes = earnings.map(\.minutes).reduce(0, +)
        var counts: [String: Int] = [:]
        counts["requests"] = rows.count
        counts["not_yet_ordered"] = loop.notYetOrdered.count
        counts["dispatched_now"] = newlyDispatched
        counts["matched"] = result.matches.count
        counts["unmatched"] = unmatched.count
        counts["alternates"] = alternates
        counts["parts"] = result.parts.count
        counts["parts_optimal"] = optimalParts
        counts["parts_walking_optimal"] = result.parts.filter(\.isWalkingOptimal).count
        counts["candidates"] = candidates
        counts["earnings"] = earnings.count
        counts["earned_minutes"] = earnedMinutes
        counts["later_events"] = loop.laterEvents
        counts["unoffered_responses"] = loop.unofferedResponses.count
        let tiers = result.parts.flatMap(\.tiers)
        let gaps = tiers.filter { $0.tier != .load }.map(\.gap)
        let loadGaps = tiers.filter { $0.tier == .load }.map(\.gap)
        let walking = result.matches.map(\.walkingMetres).reduce(0, +)
        let quality = [
            "max_gap": gaps.max() ?? 0, "max_load_gap": loadGaps.max() ?? 0, "walking_metres": walking.rounded(),
            "mean_walking_metres": result.matches.isEmpty ? 0 : (walking / Double(result.matches.count)).rounded(),
        ]
        var warnings = loop.unofferedResponses.map { response in
            PlanWarning(
                location: FindingLocation(personID: response.personID, requestID: response.requestID),
                message: Message.text(
                    "matching.warning.unoffered",
                    ["request": response.requestID.rawValue, "person": response.personID.rawValue]))
        }
        warnings += unplaced.map {
            PlanWarning(
                location: FindingLocation(requestID: $0),
                message: Message.text("matching.warning.unplaced", ["request": $0.rawValue]))
        }
        if !planGiven { warnings.append(PlanWarning(message: Message.text("matching.warning.no_plan"))) }
        return JobReport(
            job: .matching, ruleSet: ruleSet, seed: seed, counts: counts, quality: quality, findings: findings,
            warnings: warnings,
            details: MatchingDetails(
                week: week.description, asOf: asOf.description, mode: live ? "live" : "batch", parts: parts,
                targets: tallies, states: states, requests: requests))
    }

    func summary(week: ISOWeek, written: String) -> String {
        var states: [RequestState: Int] = [:]
        for row in rows { states[row.state, default: 0] += 1 }
        let missed = rows.filter { $0.readings.contains { $0.outcome == .missed } }.count
        return Message.text(
            "cli.dispatch.summary",
            [
                "week": "\(week)", "path": written, "requests": "\(rows.count)",
                "dispatched": "\(states[.dispatched] ?? 0)", "accepted": "\(states[.accepted] ?? 0)",
                "done": "\((states[.done] ?? 0) + (states[.confirmed] ?? 0))", "unmatched": "\(unmatched.count)",
                "parts": "\(result.parts.count)", "optimal": "\(result.parts.filter(\.isOptimal).count)",
                "walking": "\(result.parts.filter(\.isWalkingOptimal).count)",
                "missed": "\(missed)",
            ])
    }
}
