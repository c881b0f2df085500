import GridModel
import Testing

@testable import GridRules

@Suite struct RuleConditionTests {
    let leader = RuleCondition.all([.partyMember(true), .livesWithin(metres: 300)])

    @Test func evaluatesWithThreeValuedLogic() {
        #expect(leader.evaluate(ConditionFacts(isPartyMember: true, distanceMetres: 250)) == true)
        #expect(leader.evaluate(ConditionFacts(isPartyMember: true, distanceMetres: 420)) == false)
        #expect(leader.evaluate(ConditionFacts(isPartyMember: false)) == false)
        #expect(leader.evaluate(ConditionFacts(isPartyMember: true)) == nil)
        #expect(!leader.isSatisfied(by: ConditionFacts(isPartyMember: true)))
        let either = RuleCondition.any([.roleIn([.mentor]), .hasSkill([.legal, .mediation])])
        #expect(either.isSatisfied(by: ConditionFacts(roles: [.resident], skills: [.legal, .mediation, .policy])))
        #expect(!either.isSatisfied(by: ConditionFacts(roles: [.resident], skills: [.legal])))
        #expect(RuleCondition.not(.ageAtLeast(60)).evaluate(ConditionFacts(age: 30)) == true)
        #expect(RuleCondition.categoryIn([.keyPerson]).evaluate(ConditionFacts(categories: [.ordinary])) == false)
    }

    @Test func reportsRadiusAndPartyRequirementAndWords() {
        #expect(leader.requiredRadiusMetres == 300)
        #expect(leader.requiresPartyMember)
        let nested = RuleCondition.any([.ageAtLeast(80), .all([.ageAtLeast(60), .categoryIn([.disabled])])])
        RulesFixtures.inEnglish {
            #expect(leader.description == "party member and lives within 300 m")
            #expect(nested.description == "aged 80 or older or (aged 60 or older and category in disabled)")
        }
        #expect(leader.description == "党员且居住在 300 米以内")
        #expect(nested.description == "年满 80 周岁或（年满 60 周岁且居民类别为 disabled）")
    }

    @Test func readsTheShippedEligibilityConditions() throws {
        let rules = try RuleSet.builtIn()
        let earn = rules.timeBank.earnEligible.value
        #expect(earn.isSatisfied(by: ConditionFacts(age: 18)) && !earn.isSatisfied(by: ConditionFacts(age: 17)))
        let priority = rules.timeBank.priorityRecipient.value
        #expect(priority.isSatisfied(by: ConditionFacts(categories: [.elderlyAlone], age: 82)))
        #expect(!priority.isSatisfied(by: ConditionFacts(categories: [.elderlyAlone], age: 70)))
        let pools = rules.staffing.microGridLeaderPools.map(\.name)
        #expect(pools == ["retired_cadres", "property_party_members", "merchant_representatives"])
    }
}
