import GridModel
import Rostering
import GridRules
import Testing

/// Weeks planned in sequence with a history in which a seeded 10 % of each week's visits were missed: the
/// monthly quotas of November 2026 and the quarterly quotas of Q4 2026 hold at the end.
@Suite struct RosterRollingTests {
    let rules: RuleSet
    init() throws { rules = try RosterFixtures.rules() }

    /// Plans `weeks` in order on `base`; after each week but the last, its visits go to the history, a seeded 10 %
    /// of them missed. Returns the history and the last week's roster.
    func roll(_ base: RosterInput, weeks: [ISOWeek]) throws -> (history: [Visit], last: RosterResult) {
        var history: [Visit] = []
        var generator = SplitMix64(seed: 2026)
        var last: RosterResult?
        for (index, week) in weeks.enumerated() {
            var input = base
            input.week = week
            input.history = history
            let result = try RosterPlanner(ruleSet: rules).plan(input)
            #expect(result.unmet.isEmpty, "\(week): \(result.unmet.prefix(3))")
            let problems = RosterRuleCheck(input: input, rules: rules).violations(result)
            #expect(problems.isEmpty, "\(week): \(problems.prefix(3))")
            last = result
            guard index < weeks.count - 1 else { break }
            // One history row per visitor and visit; a two-visitor visit is missed as a whole.
            var outcome: [String: Visit.Outcome] = [:]
            for entry in result.entries where entry.kind == .visit {
                guard let resident = entry.residentID else { continue }
                let key = "\(resident) \(entry.date) \(entry.period.code)"
                if outcome[key] == nil { outcome[key] = generator.below(10) == 0 ? .missed : .done }
                history.append(
                    Visit(
                        date: entry.date, personID: entry.personID, residentID: resident, outcome: outcome[key] ?? .done
                    ))
            }
        }
        return (history, try #require(last))
    }

    /// Visits made (distinct days) per resident within the weeks given: done history plus the last roster.
    func made(history: [Visit], last: RosterResult, weeks: [ISOWeek]) -> [ResidentID: Int] {
        let first = weeks[0].monday
        let end = weeks[weeks.count - 1].monday.adding(days: 6)
        var days: [ResidentID: Set<CalendarDate>] = [:]
        for visit in history where visit.outcome != .missed && first <= visit.date && visit.date <= end {
            days[visit.residentID, default: []].insert(visit.date)
        }
        for entry in last.entries where entry.kind == .visit {
            if let resident = entry.residentID { days[resident, default: []].insert(entry.date) }
        }
        return days.mapValues(\.count)
    }

    func weeks(_ from: Int, _ to: Int) throws -> [ISOWeek] {
        try (from...to).map { try #require(ISOWeek(year: 2026, week: $0)) }
    }

    @Test func novemberQuotasHoldAfterFourWeeksWithMisses() throws {
        let november = try weeks(45, 48)
        let base = try RosterFixtures.generated(seed: 11, households: 2500, week: november[0])
        let (history, last) = try roll(base, weeks: november)
        let counts = made(history: history, last: last, weeks: november)
        var checked = 0
        for resident in base.street.residents {
            let age = resident.birthYear.map { 2026 - $0 }
            guard let requirement = rules.visits.requirement(for: resident.categories, age: age),
                requirement.frequency.value.period == .month, requirement.frequency.value.every == 1
            else { continue }
            checked += 1
            let count = counts[resident.id] ?? 0
            #expect(count >= requirement.frequency.value.visits, "\(resident.id): \(count) visits in November")
        }
        #expect(checked > 100)
    }

    @Test func quarterlyQuotasHoldOverWeeks40To52() throws {
        let quarter = try weeks(40, 52)
        let base = try RosterFixtures.generated(seed: 12, households: 1500, week: quarter[0])
        let communities = Set(base.street.buildings.map(\.communityID))
        #expect(communities.count == 1)
        let (history, last) = try roll(base, weeks: quarter)
        let counts = made(history: history, last: last, weeks: quarter)
        var checked = 0
        for resident in base.street.residents {
            let age = resident.birthYear.map { 2026 - $0 }
            guard let requirement = rules.visits.requirement(for: resident.categories, age: age),
                requirement.frequency.value.period == .quarter
            else { continue }
            checked += 1
            #expect((counts[resident.id] ?? 0) >= requirement.frequency.value.visits, "\(resident.id)")
        }
        #expect(checked > 10)
    }
}
