import GridModel
import GridRules

extension RuleCondition {
    /// Roles the condition names anywhere, for reasons that say which eligible role a person has.
    var mentionedRoles: Set<Role> {
        switch self {
        case .all(let parts), .any(let parts): return parts.reduce(into: []) { $0.formUnion($1.mentionedRoles) }
        case .not(let inner): return inner.mentionedRoles
        case .roleIn(let roles): return Set(roles)
        default: return []
        }
    }
}
