import GridModel
import GridRules

/// The `reason` cell of every output row: why, in the command's language, then the rule ids satisfied in brackets
/// (ids, the same in every language, so that a script can find them).
enum StaffingReason {
    static func text(_ why: [String], _ rules: [RuleID]) -> String {
        var seen: Set<RuleID> = []
        let ids = rules.filter { seen.insert($0).inserted }.map(\.rawValue).joined(separator: ", ")
        let said = why.isEmpty ? Message.text("staffing.reason.eligible") : Language.current.clauses(why)
        return said + " [\(ids)]"
    }
}
