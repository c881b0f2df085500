import GridModel

extension PlanWarning {
    /// A planner's lock not applied because another lock already fills the post or the person's posts.
    static func lockConflict(person: PersonID, role: LeaderRole, place: String, rules: [RuleID]) -> PlanWarning {
        PlanWarning(
            location: FindingLocation(personID: person),
            message: Message.text(
                "staffing.warning.lock_conflict",
                [
                    "person": person.rawValue, "role": role.spokenName, "place": place,
                    "rules": rules.map(\.rawValue).joined(separator: ", "),
                ]))
    }
}
