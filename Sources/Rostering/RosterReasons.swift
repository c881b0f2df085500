import GridModel
import GridRules

/// The words of roster.csv's `reason` column and unmet.csv's: why this person, then, and the rule ids satisfied.
///
/// A roster reason reaches the visitor and may be printed: it never names a resident category, and cites only rule
/// ids that name none (`RuleSet.publicRuleIDs`). The frequency rules all name categories, so a visit's reason
/// cites the visitor's area, the pairing and the caps, never the rule that made the visit due. unmet.csv goes to
/// the community office, which needs the deciding rule to act on.
struct RosterReasons {
    let ruleSet: RuleSet

    private func cite(_ id: RuleID) -> String {
        ruleSet.publicRuleIDs([id]).isEmpty ? "" : " (\(id))"
    }

    /// A visit's reason.
    func visit(
        paired: Bool, grid: GridID, slot: RosterSlot, partner: PersonID?, carriedOver: Bool, skills: Bool
    ) -> String {
        let rules = ruleSet.visits
        var parts: [String] = []
        if paired {
            parts.append("paired visitor" + cite(rules.keepPairedVisitor.ruleID))
        } else {
            parts.append("serves \(grid)" + cite(rules.visitorRoles.ruleID))
        }
        if let partner { parts.append("together with \(partner)") }
        if skills { parts.append("has the skills needed" + cite(rules.assignment.ruleID)) }
        if carriedOver { parts.append("catch-up of a visit due earlier" + cite(rules.catchUpWeeks.ruleID)) }
        parts.append("\(slot.label) available" + cite(rules.maxVisitsPerSlot.ruleID))
        return parts.joined(separator: "; ")
    }

    /// A door-knocking round's reason.
    func round(grid: GridID, slot: RosterSlot) -> String {
        let rules = ruleSet.visits
        return "door-knocking round in \(grid)" + cite(rules.doorKnockingWho.ruleID) + "; \(slot.label) available"
            + cite(rules.maxVisitsPerSlot.ruleID)
    }
}
