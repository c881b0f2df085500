import GridModel

/// How the matching loop weighs, colours and escalates a request (`matching.priority`, `matching.grid_response`).
public struct RequestLoopRules: Hashable, Sendable {
    /// One urgency a request may carry in requests.csv.
    public struct Urgency: Hashable, Sendable {
        /// As written in requests.csv (`urgent`).
        public var id: String
        /// As a planner may write it instead (紧急).
        public var chineseName: String
        /// The weight of dispatching such a request in the first tier.
        public var weight: Double
        /// Its 四色 colour (one of `matching.severity_colours`).
        public var colour: String
    }

    /// A level a late request is raised to.
    public struct EscalationStep: Hashable, Sendable {
        /// The level (one of the escalation path's).
        public var level: String
        /// Minutes late on any target from which the request is at this level.
        public var lateMinutes: Int
    }

    /// The roles of people requests are dispatched to (`matching.volunteers`).
    public var volunteerRoles: Sourced<[Role]>
    /// The urgencies in file order.
    public var urgencies: [Urgency]
    /// The urgency of a request that names none.
    public var defaultUrgency: String
    /// Categories whose residents' requests weigh more (elderly living alone).
    public var bonusCategories: [ResidentCategory]
    /// What a request from such a resident adds to its weight.
    public var categoryBonus: Double
    /// The rule of weights and colours.
    public var priorityRule: RuleID
    /// Escalation by lateness, ascending; below the first step a request stays at the path's first level.
    public var escalationSteps: [EscalationStep]
    /// The path's first level (the grid).
    public var baseLevel: String
    /// The rule of escalation.
    public var escalationRule: RuleID

    /// Every spelling the rules accept for an urgency (id and Chinese name), to its id.
    public var urgencySpellings: [String: String] {
        var result: [String: String] = [:]
        for urgency in urgencies {
            result[urgency.id] = urgency.id
            result[urgency.chineseName] = urgency.id
        }
        return result
    }

    /// The urgency a request's `urgency` text names (nil text: the default); nil when the rules know no such urgency.
    public func urgency(_ text: String?) -> Urgency? {
        let id = text.map { urgencySpellings[$0] ?? $0 } ?? defaultUrgency
        return urgencies.first { $0.id == id }
    }

    /// The first-tier weight of a request of `urgency` from a resident of `categories`.
    public func priority(urgency text: String?, categories: Set<ResidentCategory>) -> Double {
        let base = urgency(text)?.weight ?? urgency(nil)?.weight ?? 1
        return bonusCategories.contains(where: categories.contains) ? base + categoryBonus : base
    }

    /// The level of a request late by `minutes` on its worst target (0 or less: on time).
    public func escalationLevel(lateMinutes minutes: Int) -> String {
        escalationSteps.last { minutes >= $0.lateMinutes }?.level ?? baseLevel
    }
}

extension RequestLoopRules {
    /// Reads `matching.priority` and the escalation steps of `matching.grid_response`; reports every problem.
    init?(reading index: RuleIndex, colours: [String], path: Sourced<[String]>?, escalation: ParameterMap?) {
        let roles = index.one(.dispatchVolunteers).flatMap { index.parameters($0, ["roles"])?.roles("roles") }
        let rule = index.one(.requestPriority)
        let map = rule.flatMap {
            index.parameters($0, ["urgencies", "default_urgency", "bonus_categories", "category_bonus"])
        }
        let items = map?.maps("urgencies", keys: ["id", "name_zh", "weight", "colour"])
        let urgencies = items?.compactMap { item -> Urgency? in
            let id = item.text("id")
            let name = item.text("name_zh")
            let weight = item.number("weight")
            let colour = item.word("colour", oneOf: colours)
            guard let id, let name, let weight, weight.value > 0, let colour else { return nil }
            return Urgency(id: id.value, chineseName: name.value, weight: weight.value, colour: colour.value)
        }
        let ids = urgencies?.map(\.id) ?? []
        let defaultUrgency = map?.word("default_urgency", oneOf: ids)
        let categories = map?.categories("bonus_categories")
        let bonus = map?.number("category_bonus")
        let levels = path?.value ?? []
        let stepItems = escalation?.maps("escalate_when_late", keys: ["level", "late_minutes"])
        let steps = stepItems?.compactMap { item -> EscalationStep? in
            guard let level = item.word("level", oneOf: Array(levels.dropFirst())),
                let late = item.int("late_minutes", atLeast: 1)
            else { return nil }
            return EscalationStep(level: level.value, lateMinutes: late.value)
        }
        guard let rule, let items, let urgencies, urgencies.count == items.count, let defaultUrgency, let categories,
            let bonus, let stepItems, let steps, steps.count == stepItems.count, let base = levels.first,
            let path, let roles
        else { return nil }
        volunteerRoles = roles
        self.urgencies = urgencies
        self.defaultUrgency = defaultUrgency.value
        bonusCategories = categories.value
        categoryBonus = bonus.value
        priorityRule = rule.id
        escalationSteps = steps.sorted { $0.lateMinutes < $1.lateMinutes }
        baseLevel = base
        escalationRule = path.ruleID
    }
}
