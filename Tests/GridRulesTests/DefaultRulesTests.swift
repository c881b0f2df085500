import Foundation
import GridModel
import Testing

@testable import GridRules

@Suite struct DefaultRulesTests {
    @Test func builtInRulesLoadClean() throws {
        let rules = try RuleSet.builtIn()
        #expect(rules.origin == .builtIn)
        #expect(rules.rules.count >= 60)
        #expect(rules.identity.hash.hasPrefix("sha256:") && rules.identity.hash.count == 7 + 64)
    }

    @Test func shippedFolderLoadsCleanWithTheSameIdentityAsTheBuiltIns() throws {
        let folder = try RuleSet.load(directory: RulesFixtures.rulesDirectory)
        let builtIn = try RuleSet.builtIn()
        #expect(folder.identity.hash == builtIn.identity.hash)
        #expect(folder.rules.map(\.id) == builtIn.rules.map(\.id))
    }

    @Test func catalogueNumbersReachTheTypedRules() throws {
        let rules = try RuleSet.builtIn()
        #expect(rules.grid.householdsPerGrid.value == 300...500)
        #expect(rules.grid.householdsPerGrid.ruleID == "grid.households_per_grid")
        #expect(rules.grid.householdsPerGrid.location.file == "grid.yaml")
        #expect(rules.grid.householdsPerMicroGrid.value == 30...50)
        #expect(rules.grid.delaunayMaxMetres.value == 260)
        #expect(rules.grid.nearPairBelowMetres.value == 120)
        #expect(rules.grid.microGridsCover(.old) && rules.grid.microGridsCover(nil))
        #expect(rules.grid.keepWhole(.unit)?.kind == .hard)
        #expect(rules.grid.keepWhole(.building)?.kind == .soft(weight: 50))
        #expect(rules.grid.specialGridKinds.value.contains(.school))
        #expect(rules.grid.weight(of: "household_balance") == 10)
        #expect(rules.staffing.microGridLeaderRadiusMetres?.value == 300)
        #expect(rules.staffing.microGridLeader.eligible.value.requiresPartyMember)
        #expect(rules.staffing.mentorCapacity.value == 2)
        #expect(rules.staffing.minCadresPerGrid.value == 2 && rules.staffing.minDepartmentsPerGrid.value == 2)
        let workload = try #require(rules.staffing.workload(of: "pair_family"))
        #expect(abs(workload.hours(caredResidents: 20) - 1.5) < 1e-9)
        #expect(rules.visits.doorKnockingRoundsPerWeek.value == 1)
        #expect(rules.visits.defaultSlots.value.count == 10)
        #expect(
            rules.matching.responseTargets.respondMinutes == 20 && rules.matching.responseTargets.replyMinutes == 30)
        #expect(
            rules.matching.responseTargets.coordinateHours == 4 && rules.matching.responseTargets.solveWorkingDays == 1)
        #expect(rules.timeBank.capMinutes.value == 90000)
        #expect(rules.timeBank.rounded(minutes: 31) == 45 && rules.timeBank.rounded(minutes: 30) == 30)
        #expect(rules.timeBank.autoConfirmAfterDays.value == 14)
        #expect(rules.timeBank.service("home_repair")?.credit == .fixed(minutes: 60))
        #expect(rules.timeBank.service("home_repair")?.provider == .hasSkill([.repair]))
        #expect(rules.timeBank.service("fetch_medicine")?.provider == nil)
        #expect(rules.timeBank.exchangeRates.value == ["home": 1.0])
        let points = rules.timeBank.points
        #expect(points.items.value.map(\.id) == ["service_hour", "double_report_activity", "micro_wish", "organisational_life"])
        #expect(points.item("micro_wish")?.points == 3 && points.item("micro_wish")?.maxPointsPerMonth == 6)
        #expect(points.stars(for: 5) == 0 && points.stars(for: 6) == 1 && points.stars(for: 29) == 4 && points.stars(for: 99) == 5)
        #expect(points.isExchangeMonth(6) && points.isExchangeMonth(12) && !points.isExchangeMonth(5))
        #expect(PointsRules.periodStart(month: 5, every: 3) == 4 && PointsRules.periodStart(month: 12, every: 6) == 7)
        #expect(points.passPoints.value == 60 && points.passPoints.ruleID == "points.award")
    }

    @Test func pointsPeriodsMustDivideTheYearAndStarsMustClimb() throws {
        let period = RuleFile(
            name: "five-months.yaml",
            text: "overlay: five-months\nrules:\n  - id: points.cycle\n    parameters:\n      exchange: { every_months: 5 }\n")
        #expect(throws: (any Error).self) { try RuleSet.builtIn(overlays: [period]) }
        let flat = RuleFile(
            name: "flat-stars.yaml",
            text: """
                overlay: flat-stars
                rules:
                  - id: points.cycle
                    parameters:
                      stars: { every_months: 3, thresholds: [ { stars: 1, points: 10 }, { stars: 2, points: 10 } ] }

                """)
        #expect(throws: (any Error).self) { try RuleSet.builtIn(overlays: [flat]) }
    }

    @Test func everyRuleSourceIsListedAndEverySourceIsInItsCatalogue() throws {
        let rules = try RuleSet.builtIn()
        let listed = Set(rules.sources.map(\.id))
        for rule in rules.rules {
            #expect(listed.contains(rule.source), "\(rule.id) cites \(rule.source)")
        }
        let catalogues = [
            "rules": try RulesFixtures.text("catalogue/rules-catalogue.md"),
            "time-bank": try RulesFixtures.text("catalogue/time-bank.md"),
            "data-format": try RulesFixtures.text("catalogue/data-format.md"),
        ]
        for source in rules.sources {
            let text = try #require(catalogues[source.catalogue], "\(source.id): unknown catalogue \(source.catalogue)")
            #expect(text.contains(source.citedAs), "\(source.id): '\(source.citedAs)' is not in \(source.catalogue)")
        }
    }

    @Test func sensitiveRuleIDsCoverCategoryRulesOnly() throws {
        let rules = try RuleSet.builtIn()
        #expect(rules.isSensitive("visits.key_person"))
        #expect(rules.isSensitive("visits.mental_health_unstable"))
        #expect(!rules.isSensitive("visits.ordinary"))
        #expect(!rules.isSensitive("grid.households_per_grid"))
        #expect(rules.publicRuleIDs(["grid.households_per_grid", "visits.key_person"]) == ["grid.households_per_grid"])
        #expect(rules.visits.isSensitive(.keyPerson) && !rules.visits.isSensitive(.ordinary))
    }

    @Test func explainNamesSourceScopeAndLocation() throws {
        let rules = try RuleSet.builtIn()
        let text = try #require(RulesFixtures.inEnglish { rules.explanation(of: "visits.key_person") })
        #expect(text.contains("seed"))
        #expect(text.contains("residents in key_person"))
        #expect(text.contains("frequency: 2 per month  # visits.yaml:"))
        #expect(text.contains("sensitive"))
        #expect(rules.explanation(of: "no.such.rule") == nil)
    }

    @Test func renderedShowIsDeterministicAndReloadable() throws {
        let rules = try RuleSet.builtIn()
        let shown = RulesFixtures.inEnglish { rules.rendered(effective: false) }
        #expect(shown == RulesFixtures.inEnglish { (try? RuleSet.builtIn())?.rendered(effective: false) })
        // The plain rendering of one file's rules is itself a valid overlay of the same rules.
        let body = shown.components(separatedBy: "\n# from grid.yaml\n")[1].components(separatedBy: "\n\n# from")[0]
        let reloaded = try RuleSet.builtIn(overlays: [RuleFile(name: "shown.yaml", text: body)])
        #expect(reloaded.grid.householdsPerGrid.value == 300...500)
    }
}
