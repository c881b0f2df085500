import GridModel
import Testing

@testable import GridRules

@Suite struct OverlayTests {
    @Test func communityOverlayScopesGridBoundsToItsCommunity() throws {
        let overlay = try RulesFixtures.ruleFile("overlays/community-c03-small-grids.yaml")
        let rules = try RuleSet.builtIn(overlays: [overlay])
        #expect(rules.scopedCommunities == ["C03"])
        let local = rules.grid(for: "C03").householdsPerGrid
        #expect(local.value == 160...255)
        #expect(local.ruleID == "grid.households_per_grid")
        #expect(local.location == SourceLocation(file: overlay.name, line: 9, column: 26))
        // Everywhere else the base bounds hold, from the base file.
        #expect(rules.grid.householdsPerGrid.value == 300...500)
        #expect(rules.grid(for: "C01").householdsPerGrid.value == 300...500)
        #expect(rules.grid.householdsPerGrid.location.file == "grid.yaml")
        // The scoped rule cites the overlay's source; the base keeps its own.
        #expect(rules.rule("grid.households_per_grid", in: "C03")?.source == "doczj-grid-160-255")
        #expect(rules.rule("grid.households_per_grid")?.source == "seed")
        // Values the overlay did not set keep the base's kind and micro-grid bounds.
        #expect(rules.grid(for: "C03").householdsPerMicroGrid.value == 30...50)
        #expect(rules.rulesScoped(to: "C03").map(\.id) == ["grid.households_per_grid"])
    }

    @Test func effectiveShowNamesTheOverlayForScopedValues() throws {
        let overlay = try RulesFixtures.ruleFile("overlays/community-c03-small-grids.yaml")
        let shown = try RulesFixtures.inEnglish { try RuleSet.builtIn(overlays: [overlay]).rendered(effective: true) }
        #expect(shown.contains("# overlays, in order: overlays/community-c03-small-grids.yaml"))
        let scopedPart = try #require(shown.components(separatedBy: "# community C03").last)
        #expect(scopedPart.contains("min: 160  # overlays/community-c03-small-grids.yaml:9:26"))
        #expect(scopedPart.contains("max: 255  # overlays/community-c03-small-grids.yaml:9:36"))
        // The kind was not overlaid, so it still names the base file.
        #expect(scopedPart.contains("kind: hard  # grid.yaml:14:11"))
        let basePart = try #require(shown.components(separatedBy: "# community C03").first)
        #expect(basePart.contains("min: 300  # grid.yaml:18:26"))
    }

    @Test func categoryOverlayChangesOneFrequencyOnly() throws {
        let base = try RuleSet.builtIn()
        let overlay = try RulesFixtures.ruleFile("overlays/key-person-weekly.yaml")
        let rules = try RuleSet.builtIn(overlays: [overlay])
        let before = try #require(base.visits.effectiveFrequency(for: [.keyPerson]))
        let after = try #require(rules.visits.effectiveFrequency(for: [.keyPerson]))
        #expect(before.value == VisitFrequency(visits: 2, period: .month))
        #expect(after.value == VisitFrequency(visits: 1, period: .week))
        #expect(after.ruleID == "visits.key_person")
        #expect(after.location == SourceLocation(file: overlay.name, line: 6, column: 18))
        // Every other rule is unchanged, and only the changed rule records the overlay.
        for rule in rules.rules where rule.id != "visits.key_person" {
            #expect(rule.entry == base.rule(rule.id)?.entry, "\(rule.id) changed")
            #expect(rule.overlays.isEmpty)
        }
        #expect(rules.rule("visits.key_person")?.overlays == [overlay.name])
        #expect(rules.rule("visits.key_person")?.says == base.rule("visits.key_person")?.says)
        let shown = rules.rendered(effective: true)
        #expect(shown.contains("frequency: 1 per week  # overlays/key-person-weekly.yaml:6:18"))
    }

    @Test func mapsMergeScalarsAndListsReplace() throws {
        let overlay = try RulesFixtures.ruleFile("overlays/micro-grids-old-only.yaml")
        let rules = try RuleSet.builtIn(overlays: [overlay])
        // The list replaced the scalar `all`.
        #expect(rules.grid.microGridCompoundTypes.value == [.old])
        #expect(rules.grid.microGridsCover(.old) && !rules.grid.microGridsCover(.residential))
        // The map merged: max from the overlay, min kept from the base file.
        #expect(rules.grid.householdsPerMicroGrid.value == 30...100)
        let parameters = try #require(rules.rule("grid.households_per_micro_grid")?.parameters["households"])
        #expect(parameters["min"]?.location.file == "grid.yaml")
        #expect(parameters["max"]?.location.file == overlay.name)
        #expect(rules.rule("grid.households_per_micro_grid")?.source == "chengdu-jinjiang-micro-grid")
    }

    @Test func laterOverlayWins() throws {
        let weekly = try RulesFixtures.ruleFile("overlays/key-person-weekly.yaml")
        let monthly = RuleFile(
            name: "monthly.yaml",
            text: "rules:\n  - id: visits.key_person\n    parameters:\n      frequency: 3 per month\n"
        )
        let first = try RuleSet.builtIn(overlays: [weekly, monthly])
        let second = try RuleSet.builtIn(overlays: [monthly, weekly])
        #expect(first.visits.effectiveFrequency(for: [.keyPerson])?.value == VisitFrequency(visits: 3, period: .month))
        #expect(second.visits.effectiveFrequency(for: [.keyPerson])?.value == VisitFrequency(visits: 1, period: .week))
        #expect(first.identity.hash != second.identity.hash)
    }

    @Test func overlayMayAddACompleteRule() throws {
        let overlay = try RulesFixtures.ruleFile("overlays/add-rule.yaml")
        let rules = try RuleSet.builtIn(overlays: [overlay])
        let requirement = try #require(rules.visits.requirement(for: [.communityCorrection]))
        #expect(requirement.frequency.ruleID == "visits.community_correction_strict")
        #expect(requirement.ruleIDs == ["visits.community_correction_strict", "visits.hardship_households"])
        #expect(rules.rule("visits.community_correction_strict")?.location.file == overlay.name)
    }
}
