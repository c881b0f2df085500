import GridModel
import Matching

/// A seeded week the size of a large street: 10 communities on a 5 km × 2 km strip, volunteers with weekly slots
/// (morning, afternoon, evening) and a few skills, requests of 30 to 120 minutes with windows of 2 to 4 hours.
/// Used to measure speed, not to test a figure.
enum BenchmarkDispatchProblem {
    static func make(seed: UInt64, requests: Int, volunteers: Int) -> DispatchProblem {
        var random = SplitMix64(seed: seed)
        let monday = 20_000 * 1440
        let skills: [Skill] = [
            "legal", "medical", "psychological", "elderly_care", "disability_help", "culture", "tutoring", "repair",
            "mediation", "policy",
        ]
        let slots = [(8 * 60, 12 * 60), (14 * 60, 18 * 60), (19 * 60, 21 * 60)]
        func point() -> PlanarPoint { PlanarPoint(x: Double(random.below(5000)), y: Double(random.below(2000))) }
        var people: [DispatchVolunteer] = []
        for index in 0..<volunteers {
            var available: [MinuteInterval] = []
            for day in 0..<7 {
                for slot in slots where random.below(10) < 3 {
                    available.append(
                        MinuteInterval(start: monday + day * 1440 + slot.0, end: monday + day * 1440 + slot.1))
                }
            }
            var busy: [DispatchVolunteer.BusyInterval] = []
            for _ in 0..<random.below(3) {
                let at = monday + random.below(7) * 1440 + 8 * 60 + random.below(40) * 15
                busy.append(.init(interval: MinuteInterval(start: at, end: at + 45), position: point()))
            }
            let offered = Set((0..<random.below(3)).map { _ in skills[random.below(skills.count)] })
            people.append(
                DispatchVolunteer(
                    id: PersonID(String(format: "V%05d", index)), home: point(), skills: offered,
                    available: available, busy: busy, partyMember: random.below(3) == 0))
        }
        var list: [DispatchRequest] = []
        for index in 0..<requests {
            let place = point()
            let community = CommunityID("C\(Int(place.x) / 1000)\(Int(place.y) / 1000)")
            let minutes = [30, 45, 60, 90, 120][random.below(5)]
            let earliest = monday + random.below(7) * 1440 + 8 * 60 + random.below(40) * 15
            let latest = earliest + minutes + 60 + random.below(5) * 30
            let required: Set<Skill> = random.below(10) < 6 ? [] : [skills[random.below(skills.count)]]
            list.append(
                DispatchRequest(
                    id: RequestID(String(format: "R%06d", index)), position: place, community: community,
                    requiredSkills: required, minutes: minutes, earliest: earliest, latest: latest,
                    priority: Double(1 + random.below(3))))
        }
        return DispatchProblem(requests: list, volunteers: people)
    }
}
