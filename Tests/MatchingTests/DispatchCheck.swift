import GridModel
import Matching

/// An oracle that shares no code with the dispatcher: it re-reads the hard rules from their statement and checks a
/// result against them, and it tries every volunteer and start for each unmatched request.
///
/// Deliberately naive: every minute of a window is tried, travel is recomputed from coordinates, days by floor.
struct DispatchCheck {
    let problem: DispatchProblem
    let rules: DispatchRules

    /// A job as the checker sees it.
    struct Job {
        var start: Int
        var end: Int
        var place: PlanarPoint
        var counts: Bool
    }

    func day(_ minute: Int) -> Int { Int((Double(minute) / 1440).rounded(.down)) }

    func walk(_ a: PlanarPoint, _ b: PlanarPoint) -> Int {
        let metres = ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
        return max(rules.minimumBufferMinutes, Int((metres / rules.walkingMetresPerMinute).rounded(.up)))
    }

    func clash(_ a: Job, _ b: Job) -> Bool {
        let travel = walk(a.place, b.place)
        return !(a.end + travel <= b.start || b.end + travel <= a.start)
    }

    /// Every reason (request, volunteer, start) breaks a per-pair rule, empty when none.
    func pairProblems(_ request: DispatchRequest, _ volunteer: DispatchVolunteer, _ start: Int) -> [String] {
        var problems: [String] = []
        for skill in request.requiredSkills where !volunteer.skills.contains(skill) { problems.append("skill") }
        let rest = start % rules.startStepMinutes
        if rest != 0 { problems.append("step") }
        if start < request.earliest || start + request.minutes > request.latest { problems.append("window") }
        if !volunteer.available.contains(where: { $0.start <= start && start + request.minutes <= $0.end }) {
            problems.append("availability")
        }
        let dx = volunteer.home.x - request.position.x
        let dy = volunteer.home.y - request.position.y
        if (dx * dx + dy * dy).squareRoot() > rules.maxDistanceMetres { problems.append("distance") }
        if !rules.offerDeclinedAgain && request.declinedBy.contains(volunteer.id) { problems.append("declined") }
        return problems
    }

    /// Whether `job` fits beside `others` (overlap with walk, and caps counting the jobs marked `counts`).
    func fits(_ job: Job, besides others: [Job]) -> Bool {
        if others.contains(where: { clash($0, job) }) { return false }
        let counted = others.filter(\.counts) + [job]
        let sameDay = counted.filter { day($0.start) == day(job.start) }
        if sameDay.count > rules.jobsPerDay { return false }
        if sameDay.map({ $0.end - $0.start }).reduce(0, +) > rules.minutesPerDay { return false }
        if counted.count > rules.jobsPerWeek { return false }
        if counted.map({ $0.end - $0.start }).reduce(0, +) > rules.minutesPerWeek { return false }
        return true
    }

    /// The jobs each volunteer holds in `result` plus their busy time.
    func jobs(_ result: DispatchResult) -> [PersonID: [Job]] {
        var jobs: [PersonID: [Job]] = [:]
        for volunteer in problem.volunteers {
            jobs[volunteer.id] = volunteer.busy.map {
                Job(start: $0.interval.start, end: $0.interval.end, place: $0.position, counts: false)
            }
        }
        let requests = Dictionary(uniqueKeysWithValues: problem.requests.map { ($0.id, $0) })
        for match in result.matches {
            guard let request = requests[match.request] else { continue }
            jobs[match.volunteer, default: []].append(
                Job(start: match.start, end: match.start + request.minutes, place: request.position, counts: true))
        }
        return jobs
    }

    /// Every broken rule of the result, in words; empty when it is sound.
    func violations(_ result: DispatchResult) -> [String] {
        var found: [String] = []
        let requests = Dictionary(uniqueKeysWithValues: problem.requests.map { ($0.id, $0) })
        let volunteers = Dictionary(uniqueKeysWithValues: problem.volunteers.map { ($0.id, $0) })
        let held = jobs(result)
        var seen = Set<RequestID>()
        for match in result.matches {
            guard let request = requests[match.request], let volunteer = volunteers[match.volunteer] else {
                found.append("\(match.request): unknown request or volunteer")
                continue
            }
            if !seen.insert(match.request).inserted { found.append("\(match.request): matched twice") }
            if let fixed = request.fixed {
                if fixed.volunteer != match.volunteer || fixed.start != match.start {
                    found.append("\(match.request): accepted match moved")
                }
                continue
            }
            for problem in pairProblems(request, volunteer, match.start) {
                found.append("\(match.request) → \(match.volunteer) at \(match.start): \(problem)")
            }
            let job = Job(start: match.start, end: match.start + request.minutes, place: request.position, counts: true)
            var others = held[match.volunteer] ?? []
            if let at = others.firstIndex(where: {
                $0.counts && $0.start == job.start && $0.end == job.end && $0.place == job.place
            }) {
                others.remove(at: at)
            }
            if !fits(job, besides: others) {
                found.append("\(match.request) → \(match.volunteer) at \(match.start): overlap or cap")
            }
        }
        for request in problem.requests where request.fixed != nil && !seen.contains(request.id) {
            found.append("\(request.id): accepted match dropped")
        }
        let unmatched = Set(result.unmatched.map(\.request))
        for request in problem.requests where !seen.contains(request.id) && !unmatched.contains(request.id) {
            found.append("\(request.id): neither matched nor unmatched")
        }
        for request in problem.requests where unmatched.contains(request.id) {
            if let taker = anyTaker(request, held: held) {
                found.append("\(request.id): unmatched, but \(taker.0) could take it at \(taker.1)")
            }
        }
        return found
    }

    /// A volunteer and start that could take `request` given everyone's jobs, if any.
    func anyTaker(_ request: DispatchRequest, held: [PersonID: [Job]]) -> (PersonID, Int)? {
        guard request.latest - request.minutes >= request.earliest else { return nil }
        for volunteer in problem.volunteers {
            for start in request.earliest...(request.latest - request.minutes)
            where pairProblems(request, volunteer, start).isEmpty {
                let job = Job(start: start, end: start + request.minutes, place: request.position, counts: true)
                if fits(job, besides: held[volunteer.id] ?? []) { return (volunteer.id, start) }
            }
        }
        return nil
    }
}
