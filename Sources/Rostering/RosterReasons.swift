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

    /// `text`, followed by the rule it satisfies when that rule may be printed.
    private func cited(_ text: String, _ id: RuleID) -> String {
        ruleSet.publicRuleIDs([id]).isEmpty ? text : Message.text("planning.roster.cited", ["text": text, "rule": id.rawValue])
    }

    /// `Mon-AM available` / `周一上午有空`.
    private func available(_ slot: RosterSlot) -> String {
        Message.text("planning.roster.slot_available", ["day": slot.dayName, "period": slot.period.spokenName])
    }

    /// A visit's reason.
    func visit(
        paired: Bool, grid: GridID, slot: RosterSlot, partner: PersonID?, carriedOver: Bool, skills: Bool
    ) -> String {
        let rules = ruleSet.visits
        var parts: [String] = []
        if paired {
            parts.append(cited(Message.text("planning.roster.paired_visitor"), rules.keepPairedVisitor.ruleID))
        } else {
            parts.append(cited(Message.text("planning.roster.serves", ["grid": grid.rawValue]), rules.visitorRoles.ruleID))
        }
        if let partner { parts.append(Message.text("planning.roster.together_with", ["person": partner.rawValue])) }
        if skills { parts.append(cited(Message.text("planning.roster.has_skills"), rules.assignment.ruleID)) }
        if carriedOver { parts.append(cited(Message.text("planning.roster.catch_up"), rules.catchUpWeeks.ruleID)) }
        parts.append(cited(available(slot), rules.maxVisitsPerSlot.ruleID))
        return Language.current.clauses(parts)
    }

    /// A door-knocking round's reason.
    func round(grid: GridID, slot: RosterSlot) -> String {
        let rules = ruleSet.visits
        let round = Message.text("planning.roster.door_knocking_round", ["grid": grid.rawValue])
        return Language.current.clauses([
            cited(round, rules.doorKnockingWho.ruleID), cited(available(slot), rules.maxVisitsPerSlot.ruleID),
        ])
    }
}
