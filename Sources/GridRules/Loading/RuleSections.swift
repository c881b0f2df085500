import GridModel

/// The typed sections of one effective rule set (the base, or the base with a community's overlays).
struct RuleSections: Sendable {
    var grid: GridDrawingRules
    var staffing: StaffingRules
    var visits: VisitRules
    var matching: MatchingRules
    var timeBank: TimeBankRules

    /// Reads every section; nil when any failed, with the problems in the context.
    static func read(
        rules allRules: [Rule], community: CommunityID?, context: RuleReadContext, reportMissing: Bool,
        declaredTypes: Set<RuleType>, declaredTerms: Set<String> = []
    ) -> RuleSections? {
        // Rules limited by applies_to.community count only in their communities.
        let rules = allRules.filter { $0.scope.includes(community: community) }
        let index = RuleIndex(
            rules: rules, context: context, reportMissing: reportMissing, declaredTypes: declaredTypes,
            declaredTerms: declaredTerms)
        let grid = GridDrawingRules(reading: index)
        let staffing = StaffingRules(reading: index)
        let visits = VisitRules(reading: index)
        let matching = MatchingRules(reading: index)
        let timeBank = TimeBankRules(reading: index)
        guard let grid, let staffing, let visits, let matching, let timeBank else {
            if context.problems.isEmpty {
                // A section gave up without saying why: never hand out a half-read rule set.
                context.report(
                    .missingRule, at: SourceLocation(file: "<rules>", line: 0, column: 0),
                    Message.text("rules.internal.unreadable_section"))
            }
            return nil
        }
        return RuleSections(grid: grid, staffing: staffing, visits: visits, matching: matching, timeBank: timeBank)
    }
}
