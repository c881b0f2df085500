import GridModel
import Rostering
import GridRules
import Testing

/// Due-visit arithmetic: periods by the Thursday rule, even spread, debt, catch-up week, the 53-week year.
@Suite struct RosterDueVisitTests {
    let rules: VisitRules
    init() throws { rules = try RosterFixtures.rules().visits }

    func weeks(_ from: Int, _ to: Int, year: Int = 2026) throws -> [ISOWeek] {
        try (from...to).map { try #require(ISOWeek(year: year, week: $0)) }
    }

    /// Residents of one category, many of them, so that phases cover the period.
    func residents(_ category: ResidentCategory, count: Int = 40, birthYear: Int = 1970) -> [Resident] {
        (0..<count).map { index in
            Resident(
                id: ResidentID("R\(1000 + index)"), buildingID: "B1", categories: [category], birthYear: birthYear)
        }
    }

    /// Runs weeks in order; every due visit is made (done) on the week's Monday unless `missed` says otherwise.
    func roll(
        _ residents: [Resident], weeks: [ISOWeek], missed: (ISOWeek, DueVisit) -> Bool = { _, _ in false }
    ) -> [ISOWeek: [DueVisit]] {
        let calculator = DueVisitCalculator(rules: rules, seed: 7)
        var history: [Visit] = []
        var byWeek: [ISOWeek: [DueVisit]] = [:]
        for week in weeks {
            let due = calculator.dueVisits(
                residents: residents, week: week, history: history, calendar: RosterCalendar([]))
            byWeek[week] = due
            var day = 0
            for visit in due {
                // Two visits of one resident in a week fall on different days.
                day = (day + 1) % 5
                history.append(
                    Visit(
                        date: week.monday.adding(days: day), personID: "P1", residentID: visit.residentID,
                        outcome: missed(week, visit) ? .missed : .done))
            }
        }
        return byWeek
    }

    @Test func monthIsDecidedByThursday() throws {
        let november = VisitPeriod(
            containing: try RosterTestStreet.week("2026-W45"), frequency: .init(visits: 1, period: .month))
        #expect(november.weeks == (try weeks(45, 48)))
        // W44 runs 26 Oct – 1 Nov; its Thursday (29 Oct) puts it in October.
        let october = VisitPeriod(
            containing: try RosterTestStreet.week("2026-W44"), frequency: .init(visits: 1, period: .month))
        #expect(october.weeks.last == (try RosterTestStreet.week("2026-W44")))
        #expect(!october.weeks.contains(try RosterTestStreet.week("2026-W45")))
    }

    @Test func quarterFourOf2026HasFourteenWeeks() throws {
        let q4 = VisitPeriod(
            containing: try RosterTestStreet.week("2026-W50"), frequency: .init(visits: 1, period: .quarter))
        #expect(q4.weeks == (try weeks(40, 53)))
        let twoMonths = VisitPeriod(
            containing: try RosterTestStreet.week("2026-W46"), frequency: .init(visits: 1, every: 2, period: .month))
        // November–December: W45 (Thursday 5 Nov) to W53 (Thursday 31 Dec).
        #expect(twoMonths.weeks == (try weeks(45, 53)))
    }

    @Test func twoPerMonthAreSpreadAndDoneBeforeTheCatchUpWeek() throws {
        let byWeek = roll(residents(.keyPerson), weeks: try weeks(45, 48))
        for resident in residents(.keyPerson) {
            let counts = try weeks(45, 48).map { week in
                byWeek[week, default: []].filter { $0.residentID == resident.id }.count
            }
            #expect(counts.reduce(0, +) == 2, "\(resident.id): \(counts)")
            #expect(counts[3] == 0, "\(resident.id): nothing left for the catch-up week W48")
            #expect(counts.allSatisfy { $0 <= 1 }, "\(resident.id): spread, not bunched: \(counts)")
        }
        // The phases spread load: every planning week gets some visits.
        for week in try weeks(45, 47) { #expect(!(byWeek[week] ?? []).isEmpty) }
    }

    @Test func onePerTwoMonthsIsOneVisitInNovemberAndDecember() throws {
        let people = residents(.mentalHealth(grade: 1))
        let byWeek = roll(people, weeks: try weeks(45, 53))
        for resident in people {
            let total = byWeek.values.flatMap { $0 }.filter { $0.residentID == resident.id }.count
            #expect(total == 1)
            #expect(byWeek[try RosterTestStreet.week("2026-W53")]?.contains { $0.residentID == resident.id } == false)
        }
    }

    @Test func quarterlyVisitsArePlannedByWeek52() throws {
        let people = residents(.mentalHealth(grade: 0))
        let byWeek = roll(people, weeks: try weeks(40, 52))
        for resident in people {
            let total = byWeek.values.flatMap { $0 }.filter { $0.residentID == resident.id }.count
            #expect(total == 1, "\(resident.id) has \(total) visits in W40–W52")
        }
    }

    @Test func missedVisitsAreCarriedOverAndCaughtUp() throws {
        let people = residents(.specialHardship)
        let w48 = try RosterTestStreet.week("2026-W48")
        // Every visit of W45–W47 is missed: all of November's visits fall due in W48 as debt.
        let byWeek = roll(people, weeks: try weeks(45, 48)) { week, _ in week < w48 }
        let last = byWeek[w48] ?? []
        #expect(last.count == people.count)
        #expect(last.allSatisfy { $0.isDebt && $0.isLastChance })
        #expect(last.allSatisfy { $0.due < w48.monday })
    }

    @Test func refusedVisitCountsAsMade() throws {
        let resident = residents(.specialHardship, count: 1)
        let w48 = try RosterTestStreet.week("2026-W48")
        let calculator = DueVisitCalculator(rules: rules, seed: 7)
        let empty = calculator.dueVisits(residents: resident, week: w48, history: [], calendar: RosterCalendar([]))
        #expect(empty.count == 1)
        let refused = Visit(
            date: try RosterTestStreet.date("2026-11-03"), personID: "P1", residentID: resident[0].id, outcome: .refused
        )
        let missed = Visit(
            date: try RosterTestStreet.date("2026-11-03"), personID: "P1", residentID: resident[0].id, outcome: .missed)
        #expect(
            calculator.dueVisits(residents: resident, week: w48, history: [refused], calendar: RosterCalendar([]))
                .isEmpty)
        #expect(
            calculator.dueVisits(residents: resident, week: w48, history: [missed], calendar: RosterCalendar([])).count
                == 1)
    }

    @Test func weeklyVisitsAreDueEveryWeekAndAgeDecides() throws {
        let old = residents(.elderlyAlone, count: 3, birthYear: 1940)
        let young = residents(.elderlyAlone, count: 3, birthYear: 1960).map { resident -> Resident in
            var copy = resident
            copy.id = ResidentID("Y" + resident.id.rawValue)
            return copy
        }
        let byWeek = roll(old + young, weeks: try weeks(45, 48))
        for week in try weeks(45, 48) {
            #expect((byWeek[week] ?? []).filter { $0.residentID.rawValue.hasPrefix("R") }.count == 3)
        }
        let youngVisits = byWeek.values.flatMap { $0 }.filter { $0.residentID.rawValue.hasPrefix("Y") }
        #expect(youngVisits.count == 3, "monthly for those under 80")
    }

    @Test func dueDateIsTheLastWorkingDay() throws {
        let resident = residents(.elderlyAlone, count: 1, birthYear: 1940)
        let w48 = try RosterTestStreet.week("2026-W48")
        let friday = try RosterTestStreet.date("2026-11-27")
        let calendar = RosterCalendar([CalendarDay(date: friday, kind: .holiday)])
        let due = DueVisitCalculator(rules: rules).dueVisits(
            residents: resident, week: w48, history: [], calendar: calendar)
        #expect(due.first?.due == (try RosterTestStreet.date("2026-11-26")))
    }

    @Test func missedWeeklyVisitIsCaughtUpInTheMonth() throws {
        let people = residents(.elderlyAlone, count: 5, birthYear: 1940)
        let w46 = try RosterTestStreet.week("2026-W46")
        // Every W46 visit is missed: W47 owes two per resident (one carried over), W48 one again.
        let byWeek = roll(people, weeks: try weeks(45, 48)) { week, _ in week == w46 }
        #expect((byWeek[try RosterTestStreet.week("2026-W47")] ?? []).count == 10)
        #expect((byWeek[try RosterTestStreet.week("2026-W47")] ?? []).filter(\.isDebt).count == 5)
        #expect((byWeek[try RosterTestStreet.week("2026-W48")] ?? []).count == 5)
    }
}
