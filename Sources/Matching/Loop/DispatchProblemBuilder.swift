import GridModel
import GridRules

/// Builds a week's ``DispatchProblem`` from the street, the rules and where the loop stands.
///
/// - Provider conditions: a service's `provider` condition of the catalogue (an age, a skill) keeps those who do not
///   meet it from that service.
/// - Volunteers: people with a role of `matching.volunteers`, at home (a building's position, or their own point),
///   with their skills; available in their weekly slots (or the rules' default slots) at the clock times of
///   `matching.dispatch_times`' availability (touching slots joined), on the days of the week that are not holidays and not inside their leave.
/// - Busy: each roster entry of the week takes its whole slot, at the visited resident's building (a door-knocking
///   round: the grid's position given), so that no volunteer is in two places at once.
/// - Requests: those the loop dispatches this round, from the later of their window's start and the moment of the
///   offer; and those someone holds (offered, accepted, served), kept as fixed matches that occupy their volunteer.
///   Position: the resident's building, or the building of an order from someone not in residents.csv.
public struct DispatchProblemBuilder: Sendable {
    let street: Street
    let rules: RuleSet
    let week: ISOWeek

    /// A builder for `week` of `street` under `rules`.
    public init(street: Street, rules: RuleSet, week: ISOWeek) {
        self.street = street
        self.rules = rules
        self.week = week
    }

    /// The problem, and the requests left out because their place is unknown (a resident or building not in the
    /// street, which the loaders already refuse; kept as a guard).
    public func problem(
        loop: RequestLoop, roster: [RosterEntry] = [], gridPositions: [GridID: PlanarPoint] = [:],
        leave: [Leave] = [], calendar: [CalendarDay] = []
    ) -> (problem: DispatchProblem, unplaced: [RequestID]) {
        let buildings = Dictionary(street.buildings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let residents = Dictionary(street.residents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let holidays = Set(calendar.filter { $0.kind == .holiday }.map(\.date))
        let roles = Set(rules.matching.loop.volunteerRoles.value)
        var volunteers: [DispatchVolunteer] = []
        var volunteerIDs = Set<PersonID>()
        let busy = busyIntervals(roster, buildings: buildings, residents: residents, gridPositions: gridPositions)
        let leaveByPerson = Dictionary(grouping: leave, by: \.personID)
        for person in street.people where !person.roles.isDisjoint(with: roles) {
            guard let home = home(of: person, buildings: buildings) else { continue }
            let slots = person.availability ?? rules.visits.defaultSlots.value
            let away = leaveByPerson[person.id] ?? []
            var available: [MinuteInterval] = []
            for slot in slots {
                let date = week.monday.adding(days: slot.day.rawValue - 1)
                guard !holidays.contains(date), !away.contains(where: { $0.covers(date) }) else { continue }
                guard let span = rules.matching.availabilitySpans[slot.period] else { continue }
                let midnight = date.daysSinceEpoch * 1440
                available.append(MinuteInterval(start: midnight + span.start, end: midnight + span.end))
            }
            available = Self.joined(available)
            volunteerIDs.insert(person.id)
            volunteers.append(
                DispatchVolunteer(
                    id: person.id, home: home, skills: Set(person.skills), available: available.sorted(),
                    busy: busy[person.id] ?? [], partyMember: person.isPartyMember))
        }
        let ineligible = ineligibleVolunteers(street.people.filter { volunteerIDs.contains($0.id) })
        var requests: [DispatchRequest] = []
        var unplaced: [RequestID] = []
        let loopRules = rules.matching.loop
        for standing in loop.standings {
            let request = standing.request
            let holder = standing.volunteer.flatMap { volunteerIDs.contains($0) ? $0 : nil }
            let fixed = holder.flatMap { volunteer in
                standing.start.map {
                    DispatchRequest.FixedAssignment(volunteer: volunteer, start: $0.minutesSinceEpoch)
                }
            }
            guard standing.needsDispatch || fixed != nil else { continue }
            guard let place = place(of: request, buildings: buildings, residents: residents) else {
                unplaced.append(request.id)
                continue
            }
            let categories = request.residentID.flatMap { residents[$0] }.map { Set($0.categories) } ?? []
            let earliest = max(request.earliest, standing.offerMoment ?? request.earliest)
            let service = rules.matching.service(request.service)
            requests.append(
                DispatchRequest(
                    id: request.id, position: place.position, community: place.communityID,
                    requiredSkills: Set(service?.skills ?? []), minutes: request.minutes,
                    earliest: fixed == nil ? earliest.minutesSinceEpoch : request.earliest.minutesSinceEpoch,
                    latest: request.latest.minutesSinceEpoch,
                    priority: loopRules.priority(urgency: request.urgency, categories: categories),
                    declinedBy: standing.excluded, fixed: fixed, ineligible: ineligible[request.service] ?? []))
        }
        return (DispatchProblem(requests: requests, volunteers: volunteers), unplaced)
    }

    /// Per service with a provider condition, the volunteers who do not meet it (ages counted in the week's
    /// Thursday's year; a fact the person's row lacks, such as a birth year, does not meet it).
    func ineligibleVolunteers(_ people: [Person]) -> [Service: Set<PersonID>] {
        var result: [Service: Set<PersonID>] = [:]
        let year = week.thursday.year
        for service in rules.matching.services {
            guard let condition = service.provider else { continue }
            let failing = people.filter { person in
                let facts = ConditionFacts(
                    age: person.birthYear.map { year - $0 }, isPartyMember: person.isPartyMember, roles: person.roles,
                    skills: Set(person.skills))
                return !condition.isSatisfied(by: facts)
            }
            result[service.id] = Set(failing.map(\.id))
        }
        return result
    }

    /// Intervals sorted, with those that touch or overlap joined (a morning and an afternoon make one day).
    static func joined(_ intervals: [MinuteInterval]) -> [MinuteInterval] {
        var result: [MinuteInterval] = []
        for interval in intervals.sorted() {
            if let last = result.last, interval.start <= last.end {
                result[result.count - 1].end = max(last.end, interval.end)
            } else {
                result.append(interval)
            }
        }
        return result
    }

    /// Where a person lives, when known.
    func home(of person: Person, buildings: [BuildingID: Building]) -> PlanarPoint? {
        switch person.home {
        case .building(let id): buildings[id]?.position
        case .point(let point): point
        case nil: nil
        }
    }

    /// The building where a request is served.
    func place(
        of request: ServiceRequest, buildings: [BuildingID: Building], residents: [ResidentID: Resident]
    ) -> Building? {
        switch request.requester {
        case .resident(let id): residents[id].flatMap { buildings[$0.buildingID] }
        case .building(let id): buildings[id]
        }
    }

    /// Each volunteer's roster entries of the week as busy slots at their places.
    func busyIntervals(
        _ roster: [RosterEntry], buildings: [BuildingID: Building], residents: [ResidentID: Resident],
        gridPositions: [GridID: PlanarPoint]
    ) -> [PersonID: [DispatchVolunteer.BusyInterval]] {
        var result: [PersonID: [DispatchVolunteer.BusyInterval]] = [:]
        var seen = Set<String>()
        for entry in roster where entry.week == week {
            let position =
                entry.residentID.flatMap { residents[$0] }.flatMap { buildings[$0.buildingID]?.position }
                ?? gridPositions[entry.gridID]
            guard let position else { continue }
            let span = rules.visits.slotTimes.span(of: entry.period)
            let midnight = entry.date.daysSinceEpoch * 1440
            let key = "\(entry.personID.rawValue)|\(entry.date)|\(entry.period)|\(position.x)|\(position.y)"
            guard seen.insert(key).inserted else { continue }
            result[entry.personID, default: []].append(
                DispatchVolunteer.BusyInterval(
                    interval: MinuteInterval(start: midnight + span.start, end: midnight + span.end),
                    position: position))
        }
        return result
    }
}
