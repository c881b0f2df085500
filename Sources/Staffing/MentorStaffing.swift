import GridModel
import GridRules

/// Mentors (老带新) for new workers, street-wide: each new worker one mentor, each mentor at most the rule's capacity,
/// a mentor from the same community preferred (the rule's bonus), then a nearer one.
struct MentorStaffing {
    /// Mentors offered to each new worker, cheapest first (more than any street's mentor count in the seed data): a
    /// limit on the model's size, not a planner's choice.
    static let candidatesPerNewWorker = 40

    let context: StaffingContext

    func run() throws(StaffingError) -> StaffingPart {
        let rules = context.ruleSet.staffing
        let rule = rules.mentorEligible.ruleID
        let mentors = context.people.indices.filter {
            rules.mentorEligible.value.isSatisfied(by: context.facts(person: $0, distance: nil))
        }
        let mentees = context.people.indices.filter {
            rules.menteeEligible.value.isSatisfied(by: context.facts(person: $0, distance: nil))
        }
        var part = StaffingPart()
        guard !mentees.isEmpty else { return part }
        var pairs: [SlotAssignment.Pair] = []
        for (slot, mentee) in mentees.enumerated() {
            var candidates: [SlotAssignment.Pair] = []
            for mentor in mentors where mentor != mentee {
                let same =
                    context.personCommunity[mentor] != nil
                    && context.personCommunity[mentor] == context.personCommunity[mentee]
                let distance = context.personPosition[mentee].flatMap { context.distance(person: mentor, to: [$0]) }
                // staffing.mentoring: a mentor of the new worker's community knows its people, a nearer one meets
                // them more easily.
                let cost =
                    SlotAssignment.pairBaseCost - (same ? rules.sameCommunityMentorBonus.value : 0)
                    + min(distance ?? rules.mentorUnknownDistanceMetres.value, rules.mentorDistanceCapMetres.value)
                    / rules.mentorMetresPerCostUnit.value
                candidates.append(SlotAssignment.Pair(slot: slot, person: mentor, cost: cost))
            }
            // A city has thousands of mentors: offering each new worker only its cheapest candidates keeps the model
            // linear in new workers (every mentor pair of a city is millions of columns GLPK cannot solve in time),
            // and a street's own mentors, all nearer and cheaper, stay within the limit.
            candidates.sort { ($0.cost, $0.person) < ($1.cost, $1.person) }
            pairs += candidates.prefix(Self.candidatesPerNewWorker)
        }
        let assignment = SlotAssignment(
            name: "mentoring", demand: mentees.map { _ in 1 }, pairs: pairs, defaultLimit: rules.mentorCapacity.value)
        let outcome = try part.solve(assignment, as: "mentoring", context: context)
        let load = Dictionary(grouping: outcome.chosen, by: \.person).mapValues(\.count)
        for pair in outcome.chosen {
            let mentor = context.people[pair.person]
            let mentee = context.people[mentees[pair.slot]]
            var why = [Message.text("staffing.reason.mentor_for_new_worker")]
            if let community = context.personCommunity[pair.person],
                community == context.personCommunity[mentees[pair.slot]]
            {
                why.append(Message.text("staffing.reason.same_community", ["community": community.rawValue]))
            }
            why.append(
                Message.text(
                    "staffing.reason.mentees",
                    ["count": "\(load[pair.person] ?? 1)", "capacity": "\(rules.mentorCapacity.value)"]))
            part.mentoring.append(
                MentorPairing(mentorID: mentor.id, newWorkerID: mentee.id, reason: StaffingReason.text(why, [rule])))
        }
        for (slot, missing) in outcome.missing.enumerated() where missing > 0 {
            let mentee = context.people[mentees[slot]]
            let message = Message.text(
                "staffing.shortfall.new_worker_without_mentor",
                [
                    "person": mentee.id.rawValue, "mentors": "\(mentors.count)",
                    "capacity": "\(rules.mentorCapacity.value)", "rule": rule.rawValue,
                ])
            part.shortfalls.append(
                Finding.shortfall(
                    ruleID: rule, communityID: context.personCommunity[mentees[slot]], personID: mentee.id,
                    missing: missing, message: message))
        }
        return part
    }
}
