import GridModel
import GridRules

/// The `reason` cell of every output row: why, then the rule ids satisfied in brackets.
enum StaffingReason {
    static func text(_ why: [String], _ rules: [RuleID]) -> String {
        var seen: Set<RuleID> = []
        let ids = rules.filter { seen.insert($0).inserted }.map(\.rawValue).joined(separator: ", ")
        return (why.isEmpty ? "eligible" : why.joined(separator: "; ")) + " [\(ids)]"
    }
}
