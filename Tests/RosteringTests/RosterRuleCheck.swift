import GridModel
import Rostering
import GridRules

/// An independent check of a roster's hard rules, written from the rule files' words rather than the planner's
/// code: availability, leave, holidays, caps, hours, areas, two-visitor visits, privacy of reasons.
struct RosterRuleCheck {
    let input: RosterInput
    let rules: RuleSet

    /// Every breach, in words (empty when the roster keeps every hard rule).
    func violations(_ result: RosterResult) -> [String] {
        var problems: [String] = []
        let visits = rules.visits
        let people = Dictionary(input.street.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let residents = Dictionary(input.street.residents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let holidays = Set(input.calendar.filter { $0.kind == .holiday }.map(\.date))
        let workdays = Set(input.calendar.filter { $0.kind == .workday }.map(\.date))
        let roundCost =
            (visits.minutesPerDoorKnockingRound.value + visits.minutesPerVisit.value - 1)
            / visits.minutesPerVisit.value
        var perSlot: [String: (visits: Int, rounds: Int)] = [:]
        var perDay: [String: Int] = [:]
        var perWeek: [PersonID: Int] = [:]
        var unpairedPerWeek: [PersonID: Int] = [:]
        let sensitive = visits.sensitiveCategories.value.map(\.rawValue)
        for entry in result.entries {
            guard let person = people[entry.personID] else {
                problems.append("unknown person \(entry.personID)")
                continue
            }
            if !input.week.days.contains(entry.date) { problems.append("\(entry.date) outside \(input.week)") }
            if holidays.contains(entry.date) { problems.append("\(entry.personID) serves on holiday \(entry.date)") }
            if input.leave.contains(where: { $0.personID == person.id && $0.from <= entry.date && entry.date <= $0.to })
            {
                problems.append("\(entry.personID) serves on leave \(entry.date)")
            }
            let slots = person.availability ?? visits.defaultSlots.value
            let weekday = entry.date.isoWeekday
            var periods = Set(slots.filter { $0.day.rawValue == weekday }.map(\.period))
            if workdays.contains(entry.date) && weekday >= 6 {
                periods.formUnion(slots.filter { $0.day.rawValue <= 5 }.map(\.period))
            }
            if weekday >= 6 && !workdays.contains(entry.date) && periods.isEmpty {
                problems.append("\(entry.personID) serves on weekend \(entry.date) without a slot")
            }
            if !periods.contains(entry.period) {
                problems.append("\(entry.personID) serves outside availability \(entry.date) \(entry.period.code)")
            }
            let slotKey = "\(entry.personID) \(entry.date) \(entry.period.code)"
            let dayKey = "\(entry.personID) \(entry.date)"
            if entry.kind == .visit {
                perSlot[slotKey, default: (0, 0)].visits += 1
                perDay[dayKey, default: 0] += 1
                perWeek[entry.personID, default: 0] += 1
                if let id = entry.residentID, let resident = residents[id] {
                    let grid = input.gridOfBuilding[resident.buildingID]
                    let serves = servedGrids(person).contains { $0 == grid }
                    if resident.pairedPersonID != person.id { unpairedPerWeek[person.id, default: 0] += 1 }
                    if !serves && resident.pairedPersonID != person.id {
                        problems.append("\(person.id) visits \(id) outside their area")
                    }
                } else {
                    problems.append("visit without a known resident: \(entry)")
                }
            } else {
                perSlot[slotKey, default: (0, 0)].rounds += 1
                perDay[dayKey, default: 0] += roundCost
            }
            for word in sensitive where entry.reason.contains(word) {
                problems.append("reason names a sensitive category: \(entry.reason)")
            }
            for id in rules.sensitiveRuleIDs where entry.reason.contains(id.rawValue) {
                problems.append("reason cites sensitive rule \(id): \(entry.reason)")
            }
        }
        for (key, count) in perSlot {
            if count.visits > visits.maxVisitsPerSlot.value { problems.append("slot cap broken: \(key)") }
            if count.rounds > 0 && count.visits > 0 { problems.append("a round shares its slot: \(key)") }
        }
        for (key, count) in perDay where count > visits.maxVisitsPerDay.value {
            problems.append("day cap broken: \(key) \(count)")
        }
        for (id, count) in perWeek {
            if count > visits.maxVisitsPerWeek.value { problems.append("week cap broken: \(id) \(count)") }
            if let hours = people[id]?.hoursPerWeek {
                // Visits take a share of hours; visits to one's own paired residents may take a larger share.
                let minutes = Double(visits.minutesPerVisit.value)
                let allowed = Int(hours * visits.visitShareOfHours.value * 60 / minutes)
                let allowedPaired = Int(
                    hours * max(visits.visitShareOfHours.value, visits.pairedShareOfHours.value) * 60 / minutes)
                let unpaired = unpairedPerWeek[id] ?? 0
                if unpaired > allowed { problems.append("hours broken: \(id) \(unpaired) > \(allowed)") }
                if count > allowedPaired { problems.append("hours broken: \(id) \(count) > \(allowedPaired)") }
            }
        }
        problems += twoVisitorProblems(result, residents: residents, people: people)
        return problems
    }

    /// Grids a person serves: posts, else the home building's grid, else every grid of their community.
    func servedGrids(_ person: Person) -> [GridID] {
        if let posts = input.postsOfPerson[person.id], !posts.isEmpty { return Array(posts) }
        if case .building(let home) = person.home, let grid = input.gridOfBuilding[home] { return [grid] }
        guard let community = person.communityID else { return [] }
        let buildings = input.street.buildings.filter { $0.communityID == community }.map(\.id)
        return buildings.compactMap { input.gridOfBuilding[$0] }
    }

    private func twoVisitorProblems(
        _ result: RosterResult, residents: [ResidentID: Resident], people: [PersonID: Person]
    ) -> [String] {
        var problems: [String] = []
        var groups: [String: [RosterEntry]] = [:]
        for entry in result.entries where entry.kind == .visit {
            groups["\(entry.residentID?.rawValue ?? "") \(entry.date) \(entry.period.code)", default: []].append(entry)
        }
        for (key, entries) in groups {
            guard let id = entries[0].residentID, let resident = residents[id] else { continue }
            let age = resident.birthYear.map { input.week.thursday.year - $0 }
            guard let requirement = rules.visits.requirement(for: resident.categories, age: age) else { continue }
            let persons = Set(entries.map(\.personID))
            if requirement.visitors > 1 && persons.count < requirement.visitors {
                problems.append("\(key): \(persons.count) visitors, \(requirement.visitors) needed")
            }
            for condition in requirement.oneVisitorMust {
                let met = persons.contains { id in
                    guard let person = people[id] else { return false }
                    return condition.isSatisfied(
                        by: ConditionFacts(isPartyMember: person.isPartyMember, roles: person.roles))
                }
                if !met { problems.append("\(key): no visitor meets \(condition)") }
            }
        }
        return problems
    }
}
