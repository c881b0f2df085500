import Foundation
import Testing

@testable import GridRules

/// Objective terms and their coefficients: read from the rules with their rule ids, required, and listed in
/// Rules/README.md.
@Suite struct ObjectiveTermTests {
    @Test func shippedCoefficientsAreTheEngineFormerConstants() throws {
        let rules = try RuleSet.builtIn()
        let cadre = rules.staffing.cadrePlacement
        #expect(cadre.ruleID == "staffing.cadre_nearby" && cadre.weight == 3)
        #expect(cadre.metresPerCostUnit == 2000 && cadre.distanceCapMetres == 10000)
        #expect(cadre.unknownDistanceMetres == 5000 && cadre.familiarBonus == 2)
        #expect(cadre.postCost == 1 && cadre.gridPresenceCost == 0.01)
        let post = rules.staffing.gridPostPreference
        #expect(post.ruleID == "staffing.grid_post_preference" && post.weight == 1)
        #expect(post.metresPerCostUnit == 500 && post.distanceCapMetres == 5000)
        #expect(post.livesInGridBonus == 3 && post.currentHolderBonus == 5 && post.secondGridCost == 1)
        let micro = rules.staffing.microGridLeaderPreference
        #expect(micro.weight == 1 && micro.costPerRadius == 3 && micro.distanceCapRadii == 10)
        #expect(micro.scoreBonus == 2 && micro.currentHolderBonus == 5)
        let building = rules.staffing.buildingLeaderPreference
        #expect(building.weight == 1 && building.currentHolderBonus == 10)
        #expect(building.partyMemberBonus == 2 && building.scoreBonus == 2)
        #expect(rules.staffing.mentorMetresPerCostUnit.value == 5000)
        #expect(rules.staffing.mentorDistanceCapMetres.value == 20000)
        #expect(rules.staffing.mentorUnknownDistanceMetres.value == 5000)
        #expect(rules.visits.pairedAssignmentBonus.value == 0.45)
        #expect(rules.visits.pairedAssignmentBonusWhenNotKept.value == 0.1)
        #expect(rules.visits.pairingBonus.ruleID == "visits.fixed_pairing")
        let visits = rules.visits.assignment
        #expect(visits.ruleID == "visits.assignment_preferences" && visits.weight == 1)
        #expect(visits.skillBonus == 0.2 && visits.carriedOverBonus == 0.25 && visits.lastWeekBonus == 0.2)
        #expect(visits.loadCost == 0.35 && visits.groupSameDayCost == 0.01)
    }

    @Test func coefficientsKeepTheirPlaceInTheRuleFiles() throws {
        let rules = try RuleSet.builtIn()
        let term = try #require(rules.staffing.objective.first { $0.ruleID == "staffing.cadre_nearby" })
        let location = try #require(term.coefficients["familiar_bonus"]?.location)
        #expect(location.file == "staffing.yaml" && location.line > 0)
    }

    @Test func aRuleSetWithoutATermsRuleSaysWhichIsMissing() throws {
        let files = EmbeddedRules.files.map { file -> RuleFile in
            guard file.name == "staffing.yaml",
                let start = file.text.range(of: "  - id: staffing.grid_post_preference"),
                let end = file.text.range(of: "  - id: staffing.mentoring")
            else { return file }
            var text = file.text
            text.removeSubrange(start.lowerBound..<end.lowerBound)
            return RuleFile(name: file.name, text: text)
        }
        let problems = RulesFixtures.inEnglish { RulesFixtures.problems(files: files) }
        #expect(problems.count == 1)
        #expect(problems.first?.code == .missingRule)
        #expect(problems.first?.message.contains("term 'grid_post_preference'") == true)
        #expect(problems.first?.location.file == "staffing.yaml")
    }

    @Test func aTermsCoefficientIsRequired() throws {
        let overlay = RuleFile(
            name: "new-term.yaml",
            text: """
                rules:
                  - id: staffing.another_placement
                    type: objective_term
                    kind: soft
                    weight: 1
                    source: engine-design
                    says: Another placement term.
                    parameters:
                      term: grid_post_preference
                      metres_per_cost_unit: 500
                """)
        let problems = RulesFixtures.inEnglish {
            RulesFixtures.problems(files: EmbeddedRules.files, overlays: [overlay])
        }
        #expect(problems.contains { $0.code == .missingKey && $0.message.contains("missing key 'distance_cap_m'") })
        #expect(problems.allSatisfy { $0.location.file == "new-term.yaml" }, "\(problems)")
    }

    @Test func readmeListsEveryObjectiveTerm() throws {
        let readme = try String(
            contentsOf: RulesFixtures.rulesDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        let table = try #require(readme.range(of: "## Objective terms")).upperBound
        let section = String(readme[table...])
        let rules = try RuleSet.builtIn()
        let terms = rules.rules.filter { $0.type == .objectiveTerm }
        #expect(terms.count >= 9)
        for rule in terms {
            #expect(section.contains("`\(rule.id)`"), "\(rule.id) is not in the objective terms table")
        }
        for (term, keys) in ObjectiveTerm.coefficientKeys {
            for key in keys { #expect(section.contains("`\(key)`"), "\(term).\(key) is not in the table") }
        }
        for key in ["assignment_bonus", "assignment_bonus_when_not_kept", "same_community_bonus"] {
            #expect(section.contains("`\(key)`"), "\(key) is not in the table")
        }
    }
}
