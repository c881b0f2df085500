import Foundation
import GridModel
import Testing

@testable import GridRules

/// The one service catalogue (services.yaml) that matching and the time bank both read. The invalid cases (unknown
/// skill, duplicate id, missing names, bad credits, minutes below 1) are fixtures under Fixtures/invalid, checked by
/// ``InvalidRuleFileTests``; these tests check the defaults, overlays and the problems' Chinese wording.
@Suite struct ServiceCatalogueTests {
    /// Every service the two former lists named (matching.services and timebank.services), `after_school_tutor`
    /// being `tutoring` now and `home_repair` once.
    static let formerServices: Set<String> = [
        "legal_consultation", "health_check", "psychological_support", "elderly_companionship",
        "disability_assistance", "culture_activity", "tutoring", "home_repair", "dispute_mediation",
        "policy_explanation", "fetch_medicine", "hospital_escort",
    ]

    @Test func matchingAndTheTimeBankReadTheSameCatalogue() throws {
        let rules = try RuleSet.builtIn()
        let catalogue = rules.matching.serviceCatalogue
        #expect(catalogue == rules.timeBank.serviceCatalogue)
        #expect(rules.matching.services == rules.timeBank.services)
        #expect(catalogue.ruleID == "services.catalogue" && rules.matching.servicesRule == catalogue.ruleID)
        #expect(catalogue.location.file == "services.yaml")
        #expect(Set(catalogue.services.map(\.id.rawValue)) == Self.formerServices)
        #expect(catalogue.services.map(\.id) == catalogue.services.map(\.id).sorted())
        // One rule states it; the old lists are gone.
        #expect(rules.rules.filter { $0.type == .serviceCatalogue }.map(\.id) == ["services.catalogue"])
        #expect(rules.rules.allSatisfy { $0.type != .timeBankServices })
        for community in rules.scopedCommunities {
            #expect(rules.matching(for: community).serviceCatalogue == rules.timeBank(for: community).serviceCatalogue)
        }
    }

    @Test func everyServiceIsCompleteAndUsesKnownSkills() throws {
        let rules = try RuleSet.builtIn()
        let vocabulary = Set(rules.matching.skills.value)
        for service in rules.matching.services {
            #expect(!service.nameChinese.isEmpty && !service.nameEnglish.isEmpty, "\(service.id)")
            #expect(service.nameChinese != service.nameEnglish, "\(service.id)")
            #expect(service.skills.allSatisfy(vocabulary.contains), "\(service.id)")
            #expect(service.minutes >= 1, "\(service.id)")
            switch service.credit {
            case .perMinute(let rate): #expect(rate > 0, "\(service.id)")
            case .fixed(let minutes): #expect(minutes > 0, "\(service.id)")
            }
        }
    }

    @Test func theFormerListsValuesSurvive() throws {
        let rules = try RuleSet.builtIn()
        let repair = try #require(rules.timeBank.service("home_repair"))
        #expect(repair.credit == .fixed(minutes: 60) && repair.minutes == 60 && repair.skills == [.repair])
        #expect(repair.team == "elderly_disabled_help" && repair.provider == .hasSkill([.repair]))
        let tutoring = try #require(rules.matching.service("tutoring"))
        #expect(tutoring.earnOnly && tutoring.provider == .hasSkill([.tutoring]) && tutoring.skills == [.tutoring])
        #expect(tutoring.credit == .perMinute(rate: 1.0))
        #expect(rules.timeBank.service("after_school_tutor") == nil)
        #expect(rules.timeBank.service("hospital_escort")?.provider == .ageAtLeast(18))
        #expect(rules.matching.service("legal_consultation")?.minutes == 60)
        #expect(rules.matching.service("policy_explanation")?.minutes == 30)
        #expect(rules.matching.services.filter(\.earnOnly).map(\.id) == ["tutoring"])
    }

    @Test func sensitiveServicesAreTheOnesThatRevealACategory() throws {
        let rules = try RuleSet.builtIn()
        let sensitive = rules.matching.services.filter(\.sensitive).map(\.id)
        #expect(sensitive == ["disability_assistance", "psychological_support"])
        // The catalogue itself names no sensitive category, so it may be cited on public printouts.
        #expect(!rules.isSensitive("services.catalogue"))
    }

    @Test func namesFollowTheLanguage() throws {
        let service = try #require(try RuleSet.builtIn().matching.service("psychological_support"))
        #expect(service.name(in: .chinese) == "心理疏导" && service.name(in: .english) == "Psychological support")
        #expect(Language.$current.withValue(.english) { service.name } == "Psychological support")
        #expect(Language.$current.withValue(.chinese) { service.name } == "心理疏导")
    }

    @Test func anOverlayChangesOneServicesMinutes() throws {
        let base = try RuleSet.builtIn()
        let overlay = try RulesFixtures.ruleFile("overlays/home-repair-longer.yaml")
        let rules = try RuleSet.builtIn(overlays: [overlay])
        let before = try #require(base.matching.service("home_repair"))
        let after = try #require(rules.matching.service("home_repair"))
        #expect(before.minutes == 60 && after.minutes == 90)
        // Only the minutes changed: the service's other values and every other service stay.
        var expected = before
        expected.minutes = 90
        #expect(after == expected)
        func others(_ services: [ServiceCatalogue.Entry]) -> [ServiceCatalogue.Entry] {
            services.filter { $0.id != "home_repair" }
        }
        #expect(others(rules.matching.services) == others(base.matching.services))
        // The time bank sees the same change, and the rule records the overlay.
        #expect(rules.timeBank.serviceCatalogue == rules.matching.serviceCatalogue)
        #expect(rules.rule("services.catalogue")?.overlays == [overlay.name])
        let minutes = rules.rule("services.catalogue")?.parameters["services"]?["home_repair"]?["minutes"]
        #expect(minutes?.location == SourceLocation(file: overlay.name, line: 7, column: 33))
    }

    @Test func aScopedOverlayChangesMinutesInItsCommunityOnly() throws {
        let overlay = try RulesFixtures.ruleFile("overlays/home-repair-longer-c03.yaml")
        let rules = try RuleSet.builtIn(overlays: [overlay])
        #expect(rules.scopedCommunities == ["C03"])
        #expect(rules.matching(for: "C03").service("home_repair")?.minutes == 90)
        #expect(rules.timeBank(for: "C03").service("home_repair")?.minutes == 90)
        #expect(rules.matching.service("home_repair")?.minutes == 60)
        #expect(rules.matching(for: "C01").service("home_repair")?.minutes == 60)
    }

    @Test func problemsReadInChineseByDefault() throws {
        let fixture = try RulesFixtures.ruleFile("invalid/service-no-chinese-name.yaml")
        let chinese = Language.$current.withValue(.chinese) {
            RulesFixtures.problems(files: EmbeddedRules.files, overlays: [fixture])
        }
        let missingName = "服务“laundry”缺少中文名称（name_zh）"
        #expect(chinese.contains { $0.message.contains(missingName) }, "\(chinese)")
        let credit = try RulesFixtures.ruleFile("invalid/service-unknown-credit.yaml")
        let creditProblems = Language.$current.withValue(.chinese) {
            RulesFixtures.problems(files: EmbeddedRules.files, overlays: [credit])
        }
        #expect(creditProblems.contains { $0.message.contains("未知的计入方式“fixd”") }, "\(creditProblems)")
    }

    @Test func aNullAmountOfTheOtherKindLetsAnOverlaySwitchTheCredit() throws {
        let overlay = RuleFile(
            name: "switch.yaml",
            text: """
                rules:
                  - id: services.catalogue
                    parameters:
                      services:
                        health_check: { credit: fixed, amount_minutes: 45, rate: ~ }
                """)
        let rules = try RuleSet.builtIn(overlays: [overlay])
        #expect(rules.timeBank.service("health_check")?.credit == .fixed(minutes: 45))
    }

    @Test func readmeListsEveryRuleOnce() throws {
        let readme = try String(
            contentsOf: RulesFixtures.rulesDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## Every rule")).upperBound
        let rows = readme[start...].split(separator: "\n").filter { $0.hasPrefix("| `") }
        let listed = rows.compactMap { row in row.split(separator: "`").dropFirst().first.map(String.init) }
        let rules = try RuleSet.builtIn()
        #expect(listed.sorted() == rules.rules.map(\.id.rawValue).sorted())
    }
}
