import GridModel

extension PlanWarning {
    /// A planner's lock not applied because another lock already fills the post or the person's posts.
    static func lockConflict(person: PersonID, role: String, place: String, rules: [RuleID]) -> PlanWarning {
        PlanWarning(
            location: FindingLocation(personID: person),
            message: "lock of \(person) as \(role) of \(place) conflicts with another lock "
                + "(\(rules.map(\.rawValue).joined(separator: ", "))); not applied")
    }
}
