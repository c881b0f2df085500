import GridModel
import Testing

@testable import GridRules

@Suite struct VisitFrequencyTests {
    @Test(arguments: [
        ("2 per month", VisitFrequency(visits: 2, period: .month)),
        ("1 per 2 months", VisitFrequency(visits: 1, every: 2, period: .month)),
        ("1 per quarter", VisitFrequency(visits: 1, period: .quarter)),
        ("2 per year", VisitFrequency(visits: 2, period: .year)),
        ("1 per week", VisitFrequency(visits: 1, period: .week)),
    ])
    func parsesAndPrintsBack(text: String, expected: VisitFrequency) {
        #expect(VisitFrequency(parsing: text) == expected)
        #expect(expected.description == text)
    }

    @Test(arguments: ["twice a month", "2 month", "2 per fortnight", "x per week", "1 per two weeks", ""])
    func rejectsText(text: String) {
        #expect(VisitFrequency(parsing: text) == nil)
    }

    @Test func comparesAcrossPeriodsByVisitsPerDay() throws {
        let weekly = VisitFrequency(visits: 1, period: .week)
        let fourMonthly = VisitFrequency(visits: 4, period: .month)
        let twiceMonthly = VisitFrequency(visits: 2, period: .month)
        let fortnightly = VisitFrequency(visits: 1, every: 2, period: .week)
        let monthly = VisitFrequency(visits: 1, period: .month)
        let threeQuarterly = VisitFrequency(visits: 3, period: .quarter)
        #expect(weekly.isStricter(than: fourMonthly))  // 1/7 > 4/30.44
        #expect(!fourMonthly.isStricter(than: weekly))
        #expect(fortnightly.isStricter(than: twiceMonthly))  // 1/14 > 2/30.44
        // Equal rates: the shorter window is stricter, and never both ways.
        #expect(monthly.isStricter(than: threeQuarterly))
        #expect(!threeQuarterly.isStricter(than: monthly))
        #expect(!monthly.isStricter(than: monthly))
    }

    @Test func effectiveFrequencyIsTheStrictestOfTheCategories() throws {
        let visits = try RuleSet.builtIn().visits
        // key_person 2/month beats low_income 1/month.
        let keyAndPoor = try #require(visits.requirement(for: [.lowIncome, .keyPerson]))
        #expect(keyAndPoor.frequency.value == VisitFrequency(visits: 2, period: .month))
        #expect(keyAndPoor.frequency.ruleID == "visits.key_person")
        #expect(keyAndPoor.ruleIDs == ["visits.key_person", "visits.hardship_households"])
        // Unstable mental health (weekly, two visitors, one of them a worker) beats everything else.
        let unstable = try #require(visits.requirement(for: [.ordinary, .mentalHealth(grade: 4), .keyPerson]))
        #expect(unstable.frequency.ruleID == "visits.mental_health_unstable")
        #expect(unstable.visitors == 2)
        #expect(unstable.oneVisitorMust == [.roleIn([.communityWorker, .gridWorker])])
        // Grade 1 (1 per 2 months) beats grade 0 (quarterly) but not ordinary elderly at 60+? (quarterly): it does.
        let graded = try #require(visits.requirement(for: [.mentalHealth(grade: 0), .mentalHealth(grade: 1)]))
        #expect(graded.frequency.value == VisitFrequency(visits: 1, every: 2, period: .month))
    }

    @Test func ageConditionsApplyOnlyWhenTheAgeIsKnownAndMet() throws {
        let visits = try RuleSet.builtIn().visits
        #expect(visits.effectiveFrequency(for: [.elderlyAlone], age: 85)?.ruleID == "visits.high_risk_elderly")
        #expect(visits.effectiveFrequency(for: [.elderlyAlone], age: 70)?.ruleID == "visits.elderly_alone")
        #expect(visits.effectiveFrequency(for: [.elderlyAlone])?.ruleID == "visits.elderly_alone")
        #expect(
            visits.effectiveFrequency(for: [.ordinary], age: 65)?.value == VisitFrequency(visits: 1, period: .quarter))
        #expect(visits.effectiveFrequency(for: [.ordinary], age: 40)?.value == VisitFrequency(visits: 2, period: .year))
        #expect(visits.requirement(for: []) == nil)
        #expect(visits.requirement(for: ["unheard_of"]) == nil)
    }

    @Test func priorityRankPutsTheMostUrgentCategoryFirst() throws {
        let visits = try RuleSet.builtIn().visits
        #expect(visits.priorityRank(of: [.ordinary, .mentalHealth(grade: 5)]) == 0)
        #expect(visits.priorityRank(of: [.keyPerson]) < visits.priorityRank(of: [.lowIncome]))
        #expect(visits.priorityRank(of: ["unheard_of"]) == visits.priorityOrder.value.count)
    }
}
