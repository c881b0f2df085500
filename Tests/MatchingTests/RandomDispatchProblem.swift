import GridModel
import Matching

/// Seeded random problems for the oracle tests: a few communities and days, skills, busy time, declines.
enum RandomDispatchProblem {
    static let skills: [Skill] = ["medical", "repair", "legal"]

    static func rules(alternates: Int = 2) -> DispatchRules {
        DispatchRules(
            startStepMinutes: 30, walkingMetresPerMinute: 70, minimumBufferMinutes: 10, maxDistanceMetres: 1500,
            jobsPerDay: 2, minutesPerDay: 150, jobsPerWeek: 3, minutesPerWeek: 200, alternates: alternates,
            ranking: .init(distance: 3, skill: 5, loadBalance: 2, partyMember: 1), firstJobCost: 1,
            costIncreasePerJob: 1,
            citations: .init(
                skills: "services.catalogue", distance: "matching.distance", declined: "matching.declined_offers",
                times: "matching.dispatch_times", caps: "matching.volunteer_caps"))
    }

    /// A problem of `requests` and `volunteers` over `days` days and `communities` communities.
    static func make(seed: UInt64, requests: Int, volunteers: Int, days: Int = 1, communities: Int = 1)
        -> DispatchProblem
    {
        var random = SplitMix64(seed: seed)
        let firstDay = 20_000 * 1440
        func point() -> PlanarPoint {
            PlanarPoint(x: Double(random.below(2400)), y: Double(random.below(2400)))
        }
        var people: [DispatchVolunteer] = []
        for index in 0..<volunteers {
            var available: [MinuteInterval] = []
            for day in 0..<days {
                let from = firstDay + day * 1440 + 8 * 60 + random.below(8) * 15
                available.append(MinuteInterval(start: from, end: from + 120 + random.below(10) * 30))
                if random.below(2) == 0 {
                    let later = from + 300 + random.below(4) * 20
                    available.append(MinuteInterval(start: later, end: later + 90 + random.below(4) * 30))
                }
            }
            var busy: [DispatchVolunteer.BusyInterval] = []
            if random.below(3) == 0 {
                let at = firstDay + random.below(days) * 1440 + 9 * 60 + random.below(12) * 15
                busy.append(.init(interval: MinuteInterval(start: at, end: at + 30), position: point()))
            }
            let skills = Set(Self.skills.filter { _ in random.below(2) == 0 })
            people.append(
                DispatchVolunteer(
                    id: PersonID("V\(index)"), home: point(), skills: skills, available: available, busy: busy,
                    partyMember: random.below(2) == 0))
        }
        var list: [DispatchRequest] = []
        for index in 0..<requests {
            let minutes = [30, 45, 60, 90][random.below(4)]
            let earliest = firstDay + random.below(days) * 1440 + 8 * 60 + random.below(24) * 15
            let latest = earliest + minutes + random.below(4) * 30
            let required: Set<Skill> = random.below(3) == 0 ? [Self.skills[random.below(3)]] : []
            var declined: Set<PersonID> = []
            if volunteers > 0, random.below(4) == 0 { declined.insert(PersonID("V\(random.below(volunteers))")) }
            list.append(
                DispatchRequest(
                    id: RequestID("R\(index)"), position: point(),
                    community: CommunityID("C\(random.below(communities))"), requiredSkills: required,
                    minutes: minutes, earliest: earliest, latest: latest, priority: Double(1 + random.below(3)),
                    declinedBy: declined))
        }
        return DispatchProblem(requests: list, volunteers: people)
    }
}
