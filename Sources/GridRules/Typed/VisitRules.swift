import GridModel

/// The numbers and choices the roster job reads (visits.yaml), each with the rule it comes from.
public struct VisitRules: Sendable {
    /// A category of the vocabulary and its label for printouts to staff.
    public struct Category: Hashable, Sendable {
        /// The category id.
        public var category: ResidentCategory
        /// Its label for staff printouts (e.g. 独居老人).
        public var label: String?
    }

    /// A follow-up owed after an event (a major change in a high-risk person's situation).
    public struct FollowUp: Hashable, Sendable {
        /// The rule.
        public var ruleID: RuleID
        /// The categories it concerns.
        public var categories: [ResidentCategory]
        /// Hours within which the follow-up visit is due.
        public var withinHours: Int
    }

    /// How a resident's `needs` that name a skill bear on the choice of visitor.
    public enum SkillMatch: String, CaseIterable, Hashable, Sendable {
        /// A visitor with the skill is preferred (a soft bonus).
        case prefer
        /// Only a visitor with every needed skill may visit.
        case require
    }

    /// How the assignment model (the roster's LP method) ranks visits within a priority class and visitors for a
    /// visit (`visits.assignment_preferences`); every term is × `weight`. A visit weighs 1 (× 2.5 per priority class
    /// above the lowest, which `visits.priority` fixes), more by `carriedOverBonus` when carried over and by
    /// `lastWeekBonus` in its last week; a visitor with the skills the resident needs adds `skillBonus`; a visitor's
    /// k-th visit costs about `loadCost × k / visits the hours allow`. Two-visitor visits take the slot
    /// where the visitors' load per hour plus `groupSameDayCost` per visit they already have that day is lowest.
    public struct AssignmentPreferences: Hashable, Sendable {
        /// The soft rule's weight.
        public var weight: Double
        /// Added to a visit's gain for a visitor with every skill the resident needs.
        public var skillBonus: Double
        /// A carried-over visit's weight grows by this share.
        public var carriedOverBonus: Double
        /// A visit's weight grows by this share in the last week of its period.
        public var lastWeekBonus: Double
        /// The load cost of a visit per visit the visitor's hours allow (a convex cost of load per hour).
        public var loadCost: Double
        /// The cost of each visit a two-visitor visit's visitors already have on the slot's day.
        public var groupSameDayCost: Double
        /// The rule.
        public var ruleID: RuleID
    }

    /// The category vocabulary, in file order.
    public var categories: [Category]
    /// Categories that never appear on public printouts.
    public var sensitiveCategories: Sourced<Set<ResidentCategory>>
    /// Every visit-frequency rule, sorted by id.
    public var frequencies: [VisitFrequencyRule]
    /// Slots of a person with no availability.
    public var defaultSlots: Sourced<[WeeklySlot]>
    /// Per-visitor caps.
    public var maxVisitsPerSlot: Sourced<Int>
    /// At most this many visits a day per visitor.
    public var maxVisitsPerDay: Sourced<Int>
    /// At most this many visits a week per visitor.
    public var maxVisitsPerWeek: Sourced<Int>
    /// Minutes one visit takes.
    public var minutesPerVisit: Sourced<Int>
    /// Door-knocking round (敲门行动): rounds per week for each person meeting `doorKnockingWho`.
    public var doorKnockingRoundsPerWeek: Sourced<Int>
    /// Who makes door-knocking rounds (sunk-down cadres by default).
    public var doorKnockingWho: Sourced<RuleCondition>
    /// Minutes one door-knocking round takes.
    public var minutesPerDoorKnockingRound: Sourced<Int>
    /// Whether a fixed pairing (结对认亲) is kept.
    public var keepPairedVisitor: Sourced<Bool>
    /// The assignment model's bonus for the paired person while the pairing is kept: above any load saving, below
    /// one visit (`visits.fixed_pairing`).
    public var pairedAssignmentBonus: Sourced<Double>
    /// The same bonus when the pairing is not kept, a mere preference.
    public var pairedAssignmentBonusWhenNotKept: Sourced<Double>
    /// The paired person's bonus in force: ``pairedAssignmentBonus`` or, when the pairing is not kept,
    /// ``pairedAssignmentBonusWhenNotKept``.
    public var pairingBonus: Sourced<Double> {
        keepPairedVisitor.value ? pairedAssignmentBonus : pairedAssignmentBonusWhenNotKept
    }
    /// Category order kept when capacity is short (first = kept first).
    public var priorityOrder: Sourced<[ResidentCategory]>
    /// Follow-ups after events, sorted by id.
    public var followUps: [FollowUp]
    /// Objective terms of the roster job, sorted by rule id.
    public var objective: [ObjectiveTerm]
    /// How the assignment model ranks visits and visitors (`visits.assignment_preferences`).
    public var assignment: AssignmentPreferences
    /// Roles that may make visits (`visits.visitors`); everyone else visits only as a resident's paired person.
    public var visitorRoles: Sourced<[Role]>
    /// Share of a visitor's weekly hours that visits may take (`visits.visitors`).
    public var visitShareOfHours: Sourced<Double>
    /// Share of a person's weekly hours that visits to their own paired residents may take (`visits.visitors`).
    public var pairedShareOfHours: Sourced<Double>
    /// Whether residents' needs are matched by preference or by requirement (`visits.visitors`).
    public var skillMatch: Sourced<SkillMatch>
    /// Weeks at the end of a month or quarter of 3 weeks or more kept for catching up (`visits.catch_up`).
    public var catchUpWeeks: Sourced<Int>
    /// The clock times of the AM, PM and EVE slots, for visit sheets and calendars (`visits.slot_times`).
    public var slotTimes: SlotTimes

    /// A resident's requirement: the strictest frequency over every rule that applies to their categories (and
    /// age), or nil when no rule applies. Ties in rate go to the shorter window, then to the smaller rule id.
    /// - Complexity: O(r) for r frequency rules.
    public func requirement(for categories: [ResidentCategory], age: Int? = nil) -> VisitRequirement? {
        let held = Set(categories)
        let applicable = frequencies.filter { $0.applies(to: held, age: age) }
        guard var best = applicable.first else { return nil }
        for rule in applicable.dropFirst() where rule.frequency.value.isStricter(than: best.frequency.value) {
            best = rule
        }
        let others = applicable.filter { $0.ruleID != best.ruleID }.map(\.ruleID)
        return VisitRequirement(
            frequency: best.frequency,
            visitors: applicable.map(\.visitors).max() ?? 1,
            oneVisitorMust: applicable.compactMap(\.oneVisitorMust),
            ruleIDs: [best.ruleID] + others
        )
    }

    /// The strictest frequency for a resident and the rule ids it came from (see ``requirement(for:age:)``).
    public func effectiveFrequency(for categories: [ResidentCategory], age: Int? = nil) -> Sourced<VisitFrequency>? {
        requirement(for: categories, age: age)?.frequency
    }

    /// The position of a resident's most urgent category in the priority order (0 = first); categories not in
    /// the order come after every listed one.
    public func priorityRank(of categories: [ResidentCategory]) -> Int {
        categories.compactMap { priorityOrder.value.firstIndex(of: $0) }.min() ?? priorityOrder.value.count
    }

    /// Whether a category must never appear on a public printout.
    public func isSensitive(_ category: ResidentCategory) -> Bool { sensitiveCategories.value.contains(category) }

    init?(reading index: RuleIndex) {
        let vocabulary = index.one(.categoryVocabulary).flatMap {
            index.parameters($0, ["categories"])?.maps("categories", keys: ["id", "label"])
        }
        let categories = vocabulary?.compactMap { map -> Category? in
            guard let id = map.text("id") else { return nil }
            return Category(
                category: ResidentCategory(rawValue: id.value), label: map.text("label", required: false)?.value)
        }
        var seen: Set<ResidentCategory> = []
        for (map, category) in zip(vocabulary ?? [], categories ?? []) where !seen.insert(category.category).inserted {
            index.context.report(
                .duplicateRule, at: map.node["id"]?.location ?? map.node.location,
                Message.text("rules.visits.category_twice", ["category": category.category.rawValue]))
        }
        let sensitive = index.one(.sensitiveCategories).flatMap {
            index.parameters($0, ["categories"])?.categories("categories")
        }
        let frequencies = index.all(.visitFrequency).compactMap { Self.frequencyRule($0, index: index) }
        let slotsRule = index.one(.defaultAvailability)
        let slots = slotsRule.flatMap { rule in
            index.parameters(rule, ["slots"])?.words("slots").flatMap { Self.slots($0, rule: rule, index: index) }
        }
        let caps = index.one(.visitCaps).flatMap {
            index.parameters($0, ["per_slot", "per_day", "per_week", "minutes_per_visit"])
        }
        let perSlot = caps?.int("per_slot", atLeast: 1)
        let perDay = caps?.int("per_day", atLeast: 1)
        let perWeek = caps?.int("per_week", atLeast: 1)
        let minutes = caps?.int("minutes_per_visit", atLeast: 1)
        for (small, large) in [(perSlot, perDay), (perDay, perWeek)] {
            if let small, let large, small.value > large.value {
                index.context.report(
                    .contradiction, at: large.location,
                    Message.text(
                        "rules.visits.cap_below_narrower",
                        [
                            "rule": large.ruleID.rawValue, "cap": "\(large.value)", "narrower": "\(small.value)",
                            "line": "\(small.location.line)",
                        ]))
            }
        }
        let knocking = index.one(.doorKnocking).flatMap {
            index.parameters($0, ["rounds_per_week", "who", "minutes_per_round"])
        }
        let rounds = knocking?.int("rounds_per_week")
        let who = knocking?.condition("who")
        let roundMinutes = knocking?.int("minutes_per_round", atLeast: 1)
        let pairingMap = index.one(.fixedPairing).flatMap {
            index.parameters(
                $0, ["keep_paired_visitor", "assignment_bonus", "assignment_bonus_when_not_kept"])
        }
        let pairing = pairingMap?.bool("keep_paired_visitor")
        let pairedBonus = pairingMap?.number("assignment_bonus")
        let pairedBonusNotKept = pairingMap?.number("assignment_bonus_when_not_kept")
        let priority = index.one(.priorityOrder).flatMap { index.parameters($0, ["order"])?.categories("order") }
        let followUps = index.all(.eventFollowUp).compactMap { rule -> FollowUp? in
            guard let hours = index.parameters(rule, ["within_hours"])?.int("within_hours", atLeast: 1) else {
                return nil
            }
            return FollowUp(ruleID: rule.id, categories: rule.scope.categories, withinHours: hours.value)
        }
        let visitors = Self.visitors(index)
        let catchUp = Self.catchUp(index)
        let slotTimes = SlotTimes.read(index)
        let terms = ObjectiveTerm.read(index).filter { ["even_spread", "visit_assignment"].contains($0.term) }
        let assignmentTerm = ObjectiveTerm.required("visit_assignment", in: terms, index: index)
        // Every bonus a visitor can earn stays below one visit's least weight (1), so that the assignment never
        // drops a visit to give another to the paired or skilled person.
        if let assignmentTerm, let skill = assignmentTerm.coefficients["skill_bonus"] {
            for bonus in [pairedBonus, pairedBonusNotKept].compactMap({ $0 })
            where bonus.value + assignmentTerm.weight * skill.value >= 1 {
                let arguments = [
                    "rule": bonus.ruleID.rawValue, "bonus": RuleKind.format(bonus.value),
                    "skill": RuleKind.format(skill.value), "weight": RuleKind.format(assignmentTerm.weight),
                    "term_rule": assignmentTerm.ruleID.rawValue, "location": "\(skill.location)",
                ]
                index.context.report(
                    .contradiction, at: bonus.location, Message.text("rules.visits.pairing_outweighs_visit", arguments))
            }
        }
        guard let assignmentTerm, let pairedBonus, let pairedBonusNotKept,
            max(pairedBonus.value, pairedBonusNotKept.value)
                + assignmentTerm.weight * assignmentTerm.coefficient("skill_bonus") < 1
        else { return nil }
        guard let categories, let sensitive, let slots, let perSlot, let perDay, let perWeek, let minutes, let rounds,
            let who, let roundMinutes, let pairing, let priority, let visitors, let catchUp, let slotTimes
        else { return nil }
        self.categories = categories
        sensitiveCategories = sensitive.map(Set.init)
        self.frequencies = frequencies
        defaultSlots = slots
        maxVisitsPerSlot = perSlot
        maxVisitsPerDay = perDay
        maxVisitsPerWeek = perWeek
        minutesPerVisit = minutes
        doorKnockingRoundsPerWeek = rounds
        doorKnockingWho = who
        minutesPerDoorKnockingRound = roundMinutes
        keepPairedVisitor = pairing
        pairedAssignmentBonus = pairedBonus
        pairedAssignmentBonusWhenNotKept = pairedBonusNotKept
        priorityOrder = priority
        self.followUps = followUps
        objective = terms
        assignment = AssignmentPreferences(
            weight: assignmentTerm.weight, skillBonus: assignmentTerm.coefficient("skill_bonus"),
            carriedOverBonus: assignmentTerm.coefficient("carried_over_bonus"),
            lastWeekBonus: assignmentTerm.coefficient("last_week_bonus"),
            loadCost: assignmentTerm.coefficient("load_cost"),
            groupSameDayCost: assignmentTerm.coefficient("group_same_day_cost"), ruleID: assignmentTerm.ruleID)
        visitorRoles = visitors.roles
        visitShareOfHours = visitors.share
        pairedShareOfHours = visitors.paired
        skillMatch = visitors.skills
        catchUpWeeks = catchUp
        self.slotTimes = slotTimes
    }

    /// `visits.visitors`, or the engine's defaults when a rule set has no such rule (an older rules folder).
    private static func visitors(
        _ index: RuleIndex
    ) -> (roles: Sourced<[Role]>, share: Sourced<Double>, paired: Sourced<Double>, skills: Sourced<SkillMatch>)? {
        guard let rule = index.byType[.visitVisitors]?.first.flatMap({ _ in index.one(.visitVisitors) }) else {
            let place = SourceLocation(file: "built-in", line: 0, column: 0)
            let id = RuleID("visits.visitors")
            let roles: [Role] = [
                .communityWorker, .gridWorker, .gridWorkerPartTime, .gridWorkerAuxiliary, .sunkCadre,
                .partyMemberInService, .partyMemberRetired, .volunteer,
            ]
            return (
                Sourced(roles, ruleID: id, location: place), Sourced(0.5, ruleID: id, location: place),
                Sourced(1, ruleID: id, location: place), Sourced(.prefer, ruleID: id, location: place)
            )
        }
        guard let map = index.parameters(rule, ["roles", "share_of_hours", "paired_share_of_hours", "skill_match"])
        else { return nil }
        let roles = map.roles("roles")
        let share = map.number("share_of_hours", atLeast: 0)
        let pairedShare = map.number("paired_share_of_hours", required: false, atLeast: 0)
        let match = map.word("skill_match", oneOf: SkillMatch.allCases.map(\.rawValue), required: false)
        for (key, value) in [("share_of_hours", share), ("paired_share_of_hours", pairedShare)] {
            guard let value, value.value > 1 else { continue }
            index.context.report(
                .outOfRange, at: value.location,
                Message.text("rules.visits.share", ["rule": rule.id.rawValue, "key": key, "value": "\(value.value)"]))
            return nil
        }
        guard let roles, let share else { return nil }
        let skills = match.map { word in word.map { SkillMatch(rawValue: $0) ?? .prefer } }
            ?? Sourced(.prefer, ruleID: rule.id, location: rule.location)
        return (roles, share, pairedShare ?? share.map { _ in 1 }, skills)
    }

    /// `visits.catch_up`, or 1 week when a rule set has no such rule.
    private static func catchUp(_ index: RuleIndex) -> Sourced<Int>? {
        guard let rule = index.byType[.visitCatchUp]?.first.flatMap({ _ in index.one(.visitCatchUp) }) else {
            let place = SourceLocation(file: "built-in", line: 0, column: 0)
            return Sourced(1, ruleID: RuleID("visits.catch_up"), location: place)
        }
        return index.parameters(rule, ["catch_up_weeks"])?.int("catch_up_weeks", atLeast: 0)
    }

    private static func frequencyRule(_ rule: Rule, index: RuleIndex) -> VisitFrequencyRule? {
        guard let map = index.parameters(rule, ["frequency", "when", "visitors", "one_visitor_must"]) else {
            return nil
        }
        let frequency = map.frequency("frequency")
        let when = map.condition("when", required: false)
        let visitors = map.int("visitors", required: false, atLeast: 1)
        let must = map.condition("one_visitor_must", required: false)
        if rule.scope.categories.isEmpty {
            index.context.report(
                .missingKey, at: rule.location,
                Message.text("rules.visits.frequency_needs_category", ["rule": rule.id.rawValue]))
            return nil
        }
        guard let frequency else { return nil }
        return VisitFrequencyRule(
            ruleID: rule.id, categories: rule.scope.categories, when: when?.value, frequency: frequency,
            visitors: visitors?.value ?? 1, oneVisitorMust: must?.value, kind: rule.kind
        )
    }

    private static func slots(_ words: Sourced<[String]>, rule: Rule, index: RuleIndex) -> Sourced<[WeeklySlot]>? {
        let items = rule.parameters["slots"]?.items ?? []
        var slots: [WeeklySlot] = []
        for (word, item) in zip(words.value, items) {
            guard let slot = WeeklySlot(parsing: word) else {
                index.context.report(
                    .wrongType, at: item.location,
                    Message.text("rules.visits.slot", ["rule": rule.id.rawValue, "word": word]))
                return nil
            }
            slots.append(slot)
        }
        return words.map { _ in slots.sorted() }
    }
}
