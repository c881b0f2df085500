import GridModel
import Testing

@testable import GridRules

@Suite struct CommunityLimitedRuleTests {
    @Test func aFrequencyLimitedToACommunityCountsOnlyThere() throws {
        let overlay = try RulesFixtures.ruleFile("overlays/community-frequency.yaml")
        let rules = try RuleSet.builtIn(overlays: [overlay])
        #expect(rules.scopedCommunities == ["C05"])
        let there = try #require(rules.visits(for: "C05").requirement(for: [.keyPerson]))
        #expect(there.frequency.value == VisitFrequency(visits: 1, period: .week))
        #expect(there.ruleIDs == ["visits.key_person_c05", "visits.key_person"])
        #expect(rules.visits.effectiveFrequency(for: [.keyPerson])?.ruleID == "visits.key_person")
        #expect(rules.visits(for: "C01").effectiveFrequency(for: [.keyPerson])?.ruleID == "visits.key_person")
    }
}
