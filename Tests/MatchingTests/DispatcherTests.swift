import Foundation
import GridModel
import GridRules
import LinearSolver
import Matching
import Testing

@Suite("Dispatcher")
struct DispatcherTests {
    @Suite("Against the independent checker and an exhaustive search")
    struct Oracle {
        @Test("Small problems: every match sound, no unmatched request takeable, tiers 1 and 2 optimal", arguments: 0..<40)
        func smallProblemsAreOptimal(seed: Int) throws {
            var random = SplitMix64(seed: UInt64(seed) &* 7919)
            let problem = RandomDispatchProblem.make(
                seed: UInt64(seed), requests: 2 + random.below(6), volunteers: 1 + random.below(4))
            let result = try Self.expectExhaustiveOptimum(problem, options: DispatchOptions())
            #expect(result.parts.allSatisfy { $0.isOptimal })
        }

        @Test("Starting from each request's nearest volunteer, the search still proves the exhaustive optimum", arguments: 0..<40)
        func nearestFirstSearchIsExact(seed: Int) throws {
            var random = SplitMix64(seed: UInt64(seed) &* 104_729)
            let problem = RandomDispatchProblem.make(
                seed: 500 + UInt64(seed), requests: 2 + random.below(6), volunteers: 2 + random.below(4))
            let options = DispatchOptions(keepsNearestPerPart: false, keptAtFirst: 1)
            let result = try Self.expectExhaustiveOptimum(problem, options: options)
            #expect(result.parts.allSatisfy { $0.isWalkingOptimal })
        }

        /// Dispatches `problem` and expects every match sound and the priority and walking of an exhaustive search.
        static func expectExhaustiveOptimum(_ problem: DispatchProblem, options: DispatchOptions) throws
            -> DispatchResult
        {
            let rules = RandomDispatchProblem.rules()
            let result = try Dispatcher(rules: rules, options: options).dispatch(problem)
            let check = DispatchCheck(problem: problem, rules: rules)
            #expect(check.violations(result) == [])
            let best = ExhaustiveDispatch(check: check).optimum()
            let priorities = Dictionary(uniqueKeysWithValues: problem.requests.map { ($0.id, $0.priority) })
            let priority = result.matches.map { priorities[$0.request] ?? 0 }.reduce(0, +)
            let metres = result.matches.map(\.walkingMetres).reduce(0, +)
            #expect(abs(priority - best.priority) < 1e-6)
            #expect(abs(metres - best.metres) < 1e-3 * max(1, best.metres))
            return result
        }

        @Test("Larger parts: the nearest-first search and the model of every pair prove the same optimum", arguments: 0..<6)
        func nearestFirstEqualsEveryPair(seed: Int) throws {
            // One part: later parts would start from ledgers that equally good choices may leave different.
            let problem = RandomDispatchProblem.make(seed: 900 + UInt64(seed), requests: 30, volunteers: 40)
            let rules = RandomDispatchProblem.rules()
            let lean = try Dispatcher(rules: rules, options: DispatchOptions(keepsNearestPerPart: false, keptAtFirst: 1))
                .dispatch(problem)
            let full = try Dispatcher(rules: rules, options: DispatchOptions(keepsNearestPerPart: false, keptAtFirst: 1_000))
                .dispatch(problem)
            #expect(DispatchCheck(problem: problem, rules: rules).violations(lean) == [])
            #expect(lean.parts.count == 1 && full.parts.count == 1)
            for (one, other) in zip(lean.parts, full.parts) where one.isWalkingOptimal && other.isWalkingOptimal {
                #expect(abs(one.tiers[0].objective - other.tiers[0].objective) < 1e-6)
                // Equal to the decimetre per request: the metres may differ by rounding.
                #expect(abs(one.tiers[1].objective - other.tiers[1].objective) <= 0.05 * Double(one.requests) + 1e-6)
            }
            #expect(lean.parts.allSatisfy { $0.isWalkingOptimal })
        }

        @Test("Several communities and days: sound across parts, weekly caps held", arguments: 0..<8)
        func partsHoldWeeklyCaps(seed: Int) throws {
            let problem = RandomDispatchProblem.make(
                seed: 1000 + UInt64(seed), requests: 40, volunteers: 6, days: 4, communities: 3)
            let rules = RandomDispatchProblem.rules()
            let result = try Dispatcher(rules: rules).dispatch(problem)
            #expect(DispatchCheck(problem: problem, rules: rules).violations(result) == [])
            #expect(result.parts.count > 1)
            let chosenLater = result.unmatched.filter { $0.block == .notChosen }
            #expect(chosenLater.isEmpty)
        }

        @Test("Alternates could take the request given everyone else's jobs, best score first", arguments: 0..<6)
        func alternatesAreFeasible(seed: Int) throws {
            let problem = RandomDispatchProblem.make(seed: 500 + UInt64(seed), requests: 12, volunteers: 6, days: 2)
            let rules = RandomDispatchProblem.rules(alternates: 3)
            let result = try Dispatcher(rules: rules).dispatch(problem)
            let check = DispatchCheck(problem: problem, rules: rules)
            let held = check.jobs(result)
            let requests = Dictionary(uniqueKeysWithValues: problem.requests.map { ($0.id, $0) })
            let volunteers = Dictionary(uniqueKeysWithValues: problem.volunteers.map { ($0.id, $0) })
            for match in result.matches {
                guard let request = requests[match.request] else { continue }
                #expect(match.alternates.count <= 3)
                #expect(zip(match.alternates, match.alternates.dropFirst()).allSatisfy { $0.score >= $1.score })
                for alternate in match.alternates {
                    #expect(alternate.volunteer != match.volunteer)
                    guard let volunteer = volunteers[alternate.volunteer] else { continue }
                    #expect(check.pairProblems(request, volunteer, alternate.start) == [])
                    let job = DispatchCheck.Job(
                        start: alternate.start, end: alternate.start + request.minutes, place: request.position,
                        counts: true)
                    #expect(check.fits(job, besides: held[alternate.volunteer] ?? []))
                }
            }
        }
    }

    @Test("Accepted matches never move and occupy their volunteer")
    func acceptedMatchesStay() throws {
        let day = 20_000 * 1440
        let volunteer = DispatchVolunteer(
            id: "V1", home: PlanarPoint(x: 0, y: 0), available: [MinuteInterval(start: day + 480, end: day + 720)])
        let accepted = DispatchRequest(
            id: "R1", position: PlanarPoint(x: 100, y: 0), community: "C1", minutes: 60, earliest: day + 480,
            latest: day + 720, priority: 1, fixed: .init(volunteer: "V1", start: day + 540))
        let other = DispatchRequest(
            id: "R2", position: PlanarPoint(x: 100, y: 0), community: "C1", minutes: 60, earliest: day + 540,
            latest: day + 660, priority: 5)
        let problem = DispatchProblem(requests: [accepted, other], volunteers: [volunteer])
        let rules = RandomDispatchProblem.rules()
        let result = try Dispatcher(rules: rules).dispatch(problem)
        #expect(result.matches.map(\.request) == ["R1"])
        #expect(result.matches.first?.start == day + 540)
        #expect(result.matches.first?.fixed == true)
        #expect(result.unmatched.map(\.block) == [.busy])
        #expect(result.unmatched.first?.finding.ruleID == "matching.dispatch_times")
        #expect(DispatchCheck(problem: problem, rules: rules).violations(result) == [])
    }

    @Test("Each unmatched request names the first rule that blocks everyone")
    func blockingRules() throws {
        let day = 20_000 * 1440
        let volunteer = DispatchVolunteer(
            id: "V1", home: PlanarPoint(x: 0, y: 0), skills: ["repair"],
            available: [MinuteInterval(start: day + 480, end: day + 600)])
        func request(_ id: String, skills: Set<Skill> = [], x: Double = 10, from: Int = 480, to: Int = 600,
            declined: Set<PersonID> = []) -> DispatchRequest {
            DispatchRequest(
                id: RequestID(id), position: PlanarPoint(x: x, y: 0), community: "C1", requiredSkills: skills,
                minutes: 60, earliest: day + from, latest: day + to, priority: 1, declinedBy: declined)
        }
        let problem = DispatchProblem(
            requests: [
                request("A", skills: ["legal"]), request("B", x: 5000), request("C", declined: ["V1"]),
                request("D", from: 900, to: 1000), request("E", from: 700, to: 700),
            ],
            volunteers: [volunteer])
        let result = try Dispatcher(rules: RandomDispatchProblem.rules()).dispatch(problem)
        #expect(result.unmatched.map(\.block) == [.noSkill, .outsideDistance, .declined, .notAvailable, .notAvailable])
        #expect(result.findings.map(\.ruleID.rawValue) == [
            "services.catalogue", "matching.distance", "matching.declined_offers", "matching.dispatch_times",
            "matching.dispatch_times",
        ])
        #expect(result.parts.count == 1 && result.parts[0].candidates == 0)
    }

    @Test("Same problem, same result; input order does not matter")
    func deterministic() throws {
        let problem = RandomDispatchProblem.make(seed: 77, requests: 30, volunteers: 8, days: 3, communities: 2)
        let rules = RandomDispatchProblem.rules()
        let first = try Dispatcher(rules: rules).dispatch(problem)
        let shuffled = DispatchProblem(
            requests: problem.requests.reversed(), volunteers: problem.volunteers.reversed())
        let second = try Dispatcher(rules: rules).dispatch(shuffled)
        #expect(first.matches == second.matches)
        #expect(first.unmatched == second.unmatched)
        #expect(first.parts.map(\.candidates) == second.parts.map(\.candidates))
    }

    @Test("Bad input is refused before any model")
    func badInput() {
        let day = 20_000 * 1440
        let rules = RandomDispatchProblem.rules()
        let volunteer = DispatchVolunteer(
            id: "V1", home: PlanarPoint(x: 0, y: 0), available: [MinuteInterval(start: day, end: day + 600)])
        func request(
            position: PlanarPoint = PlanarPoint(x: 0, y: 0), minutes: Int = 30, earliest: Int = day,
            latest: Int = day + 600, priority: Double = 1
        ) -> DispatchRequest {
            DispatchRequest(
                id: "R1", position: position, community: "C1", minutes: minutes, earliest: earliest, latest: latest,
                priority: priority)
        }
        let bad: [DispatchProblem] = [
            DispatchProblem(requests: [request(position: PlanarPoint(x: .nan, y: 0))], volunteers: [volunteer]),
            DispatchProblem(requests: [request(minutes: Int.max)], volunteers: [volunteer]),
            DispatchProblem(requests: [request(minutes: 0)], volunteers: [volunteer]),
            DispatchProblem(requests: [request(earliest: day + 10, latest: day)], volunteers: [volunteer]),
            DispatchProblem(requests: [request(latest: Int.max)], volunteers: [volunteer]),
            DispatchProblem(requests: [request(priority: .infinity)], volunteers: [volunteer]),
            DispatchProblem(requests: [request(), request()], volunteers: [volunteer]),
            DispatchProblem(requests: [request()], volunteers: [volunteer, volunteer]),
            DispatchProblem(
                requests: [request()],
                volunteers: [
                    DispatchVolunteer(
                        id: "V2", home: PlanarPoint(x: 0, y: .infinity),
                        available: [MinuteInterval(start: day, end: day + 60)])
                ]),
            DispatchProblem(
                requests: [request()],
                volunteers: [
                    DispatchVolunteer(
                        id: "V2", home: PlanarPoint(x: 0, y: 0), available: [MinuteInterval(start: day, end: day - 1)])
                ]),
        ]
        for problem in bad {
            #expect(throws: MatchingError.self) { try Dispatcher(rules: rules).dispatch(problem) }
        }
        var accepted = request()
        accepted.fixed = .init(volunteer: "nobody", start: day)
        #expect(throws: MatchingError.self) {
            try Dispatcher(rules: rules).dispatch(DispatchProblem(requests: [accepted], volunteers: [volunteer]))
        }
        var badRules = rules
        badRules.walkingMetresPerMinute = .nan
        #expect(throws: MatchingError.self) {
            try Dispatcher(rules: badRules).dispatch(DispatchProblem(requests: [], volunteers: []))
        }
        let empty = try? Dispatcher(rules: rules).dispatch(DispatchProblem(requests: [], volunteers: []))
        #expect(empty?.matches == [] && empty?.parts == [])
    }

    @Test("The shipped rules give every dispatch number")
    func rulesFromRuleSet() throws {
        let set = try RuleSet.builtIn()
        let rules = DispatchRules(set.matching)
        #expect(rules.startStepMinutes == 30)
        #expect(rules.maxDistanceMetres == 2000)
        #expect(rules.jobsPerWeek >= rules.jobsPerDay)
        #expect(rules.citations.caps == "matching.volunteer_caps")
        #expect(rules.ranking.skill == 5)
    }
}
