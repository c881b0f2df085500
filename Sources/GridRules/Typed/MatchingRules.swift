import GridModel

/// The numbers and choices the matching job reads (matching.yaml), each with the rule it comes from.
public struct MatchingRules: Sendable {
    /// A service residents can order: the catalogue's entry, the same the time bank reads.
    public typealias Service = ServiceCatalogue.Entry

    /// A 四色 severity level.
    public struct SeverityLevel: Hashable, Sendable {
        /// The colour (red, yellow, blue, green).
        public var colour: String
        /// What the colour means.
        public var meaning: String
        /// Hours to be on site, when the level sets one.
        public var onSiteHours: Int?
        /// Days to close, when the level sets one.
        public var closeDays: Int?
    }

    /// The "2341" targets: respond, reply, coordinate, solve.
    public struct ResponseTargets: Hashable, Sendable {
        /// Minutes to respond (2).
        public var respondMinutes: Int
        /// Minutes to reply (3).
        public var replyMinutes: Int
        /// Hours to coordinate (4).
        public var coordinateHours: Int
        /// Working days to solve (1).
        public var solveWorkingDays: Int
        /// The rule.
        public var ruleID: RuleID
    }

    /// Skills people may offer and services may require.
    public var skills: Sourced<[Skill]>
    /// The service catalogue (services.yaml), shared with the time bank.
    public var serviceCatalogue: ServiceCatalogue
    /// The services, sorted by id.
    public var services: [Service] { serviceCatalogue.services }
    /// The rule that states the catalogue.
    public var servicesRule: RuleID { serviceCatalogue.ruleID }
    /// Maximum distance from a volunteer's home to a request.
    public var maxDistanceMetres: Sourced<Double>
    /// Ranking weights by key (`distance`, `skill`, `load_balance`, `party_member`).
    public var rankingWeights: Sourced<[String: Double]>
    /// Alternates listed after the dispatched volunteer.
    public var alternates: Sourced<Int>
    /// "2341" response targets.
    public var responseTargets: ResponseTargets
    /// 四色 levels in file order.
    public var severityLevels: Sourced<[SeverityLevel]>
    /// Grid-level response within this many hours, and the escalation path.
    public var gridResponseHours: Sourced<Int>
    /// Levels an item escalates through (grid, community, department).
    public var escalationPath: Sourced<[String]>
    /// What a volunteer's slot (`Mon-AM`) means in clock time for service (`matching.dispatch_times`); wider than
    /// the visits' slot times, and touching slots of a day join, so that a three-hour escort fits a morning and
    /// afternoon.
    public var availabilitySpans: [WeeklySlot.Period: SlotTimes.Span]
    /// Minutes between two possible start times of a job (`matching.dispatch_times`).
    public var startStepMinutes: Sourced<Int>
    /// Metres a volunteer walks in a minute, to time the way between two places.
    public var walkingMetresPerMinute: Sourced<Double>
    /// Minutes a volunteer keeps between two jobs or visits, however close the places are.
    public var minimumBufferMinutes: Sourced<Int>
    /// Jobs a volunteer takes at most in a day (`matching.volunteer_caps`).
    public var jobsPerDay: Sourced<Int>
    /// Minutes of jobs a volunteer takes at most in a day.
    public var minutesPerDay: Sourced<Int>
    /// Jobs a volunteer takes at most in a week.
    public var jobsPerWeek: Sourced<Int>
    /// Minutes of jobs a volunteer takes at most in a week.
    public var minutesPerWeek: Sourced<Int>
    /// Whether a request may be offered again to a volunteer who declined it (`matching.declined_offers`).
    public var offerDeclinedAgain: Sourced<Bool>
    /// The cost of a volunteer's first job of the week in the load-balancing tier (`matching.load_balance`).
    public var firstJobCost: Sourced<Double>
    /// How much more each further job of the same volunteer costs than the one before (≥ 0: the cost is convex).
    public var costIncreasePerJob: Sourced<Double>

    /// Urgency weights and colours, and escalation by lateness (`matching.priority`, `matching.grid_response`).
    public var loop: RequestLoopRules

    /// A service by id.
    public func service(_ id: GridModel.Service) -> Service? { serviceCatalogue.service(id) }

    init?(reading index: RuleIndex) {
        let skills = index.one(.skillVocabulary).flatMap { index.parameters($0, ["skills"])?.skills("skills") }
        let catalogue = ServiceCatalogue(reading: index)
        let distance = index.one(.matchingDistance).flatMap {
            index.parameters($0, ["max_distance_m"])?.number("max_distance_m")
        }
        let ranking = index.one(.rankingWeights).flatMap { index.parameters($0, ["weights", "alternates"]) }
        let weightKeys = ["distance", "skill", "load_balance", "party_member"]
        let weightMap = ranking?.map("weights", keys: weightKeys)
        let weights = weightMap.map { map in weightKeys.compactMap { key in map.number(key).map { (key, $0.value) } } }
        let alternates = ranking?.int("alternates")
        let targets = index.one(.responseTargets).flatMap { rule in
            index.parameters(rule, ["respond_minutes", "reply_minutes", "coordinate_hours", "solve_working_days"]).map {
                (rule, $0)
            }
        }
        let respond = targets?.1.int("respond_minutes", atLeast: 1)
        let reply = targets?.1.int("reply_minutes", atLeast: 1)
        let coordinate = targets?.1.int("coordinate_hours", atLeast: 1)
        let solve = targets?.1.int("solve_working_days", atLeast: 1)
        if let respond, let reply, respond.value > reply.value {
            index.context.report(
                .contradiction, at: respond.location,
                Message.text(
                    "rules.matching.respond_after_reply",
                    ["rule": respond.ruleID.rawValue, "respond": "\(respond.value)", "reply": "\(reply.value)"]))
        }
        let severityRule = index.one(.severityLevels)
        let levels = severityRule.flatMap {
            index.parameters($0, ["levels"])?.maps(
                "levels", keys: ["colour", "meaning", "on_site_hours", "close_days"])
        }
        let severity = levels?.compactMap { map -> SeverityLevel? in
            guard let colour = map.text("colour"), let meaning = map.text("meaning") else { return nil }
            return SeverityLevel(
                colour: colour.value, meaning: meaning.value,
                onSiteHours: map.int("on_site_hours", required: false, atLeast: 1)?.value,
                closeDays: map.int("close_days", required: false, atLeast: 1)?.value
            )
        }
        let escalation = index.one(.escalation).flatMap {
            index.parameters($0, ["response_hours", "path", "escalate_when_late"])
        }
        let responseHours = escalation?.int("response_hours", atLeast: 1)
        let path = escalation?.words("path")
        let loop = RequestLoopRules(
            reading: index, colours: severity?.map(\.colour) ?? [], path: path, escalation: escalation)
        let times = index.one(.dispatchTimes).flatMap {
            index.parameters(
                $0, ["start_step_minutes", "walking_metres_per_minute", "minimum_buffer_minutes", "availability"])
        }
        let step = times?.int("start_step_minutes", atLeast: 1)
        let codes = WeeklySlot.Period.allCases.map(\.code)
        let availabilityMap = times?.map("availability", keys: codes)
        var spans: [WeeklySlot.Period: SlotTimes.Span] = [:]
        for period in WeeklySlot.Period.allCases {
            guard let text = availabilityMap?.text(period.code) else { continue }
            if let span = SlotTimes.span(text.value) {
                spans[period] = span
            } else if let rule = index.one(.dispatchTimes) {
                index.context.report(
                    .wrongType, at: text.location,
                    Message.text(
                        "rules.slots.time_span",
                        ["rule": rule.id.rawValue, "period": "availability.\(period.code)", "value": text.value]))
            }
        }
        let speed = times?.number("walking_metres_per_minute", atLeast: 1)
        let buffer = times?.int("minimum_buffer_minutes")
        let caps = index.one(.volunteerCaps).flatMap {
            index.parameters($0, ["jobs_per_day", "minutes_per_day", "jobs_per_week", "minutes_per_week"])
        }
        let jobsPerDay = caps?.int("jobs_per_day", atLeast: 1)
        let minutesPerDay = caps?.int("minutes_per_day", atLeast: 1)
        let jobsPerWeek = caps?.int("jobs_per_week", atLeast: 1)
        let minutesPerWeek = caps?.int("minutes_per_week", atLeast: 1)
        for (day, week) in [(jobsPerDay, jobsPerWeek), (minutesPerDay, minutesPerWeek)] {
            if let day, let week, day.value > week.value {
                index.context.report(
                    .contradiction, at: week.location,
                    Message.text(
                        "rules.visits.cap_below_narrower",
                        [
                            "rule": week.ruleID.rawValue, "cap": "\(week.value)", "narrower": "\(day.value)",
                            "line": "\(day.location.line)",
                        ]))
            }
        }
        let offerAgain = index.one(.declinedOffers).flatMap { index.parameters($0, ["offer_again"])?.bool("offer_again") }
        let load = index.one(.loadBalance).flatMap {
            index.parameters($0, ["first_job_cost", "cost_increase_per_job"])
        }
        let firstJobCost = load?.number("first_job_cost")
        let costIncrease = load?.number("cost_increase_per_job")
        guard let step, let speed, let buffer, let jobsPerDay, let minutesPerDay, let jobsPerWeek, let minutesPerWeek,
            let offerAgain, let firstJobCost, let costIncrease
        else { return nil }
        startStepMinutes = step
        guard spans.count == WeeklySlot.Period.allCases.count else { return nil }
        availabilitySpans = spans
        walkingMetresPerMinute = speed
        minimumBufferMinutes = buffer
        self.jobsPerDay = jobsPerDay
        self.minutesPerDay = minutesPerDay
        self.jobsPerWeek = jobsPerWeek
        self.minutesPerWeek = minutesPerWeek
        offerDeclinedAgain = offerAgain
        self.firstJobCost = firstJobCost
        costIncreasePerJob = costIncrease
        guard let skills, let catalogue, let distance, let weightMap, let weights,
            weights.count == weightKeys.count, let alternates, let targets, let respond, let reply, let coordinate,
            let solve, let severityRule, let levels, let severity, severity.count == levels.count, let responseHours,
            let path, let loop
        else { return nil }
        self.loop = loop
        self.skills = skills
        serviceCatalogue = catalogue
        maxDistanceMetres = distance
        rankingWeights = Sourced(
            Dictionary(uniqueKeysWithValues: weights), ruleID: weightMap.ruleID, location: weightMap.node.location)
        self.alternates = alternates
        responseTargets = ResponseTargets(
            respondMinutes: respond.value, replyMinutes: reply.value, coordinateHours: coordinate.value,
            solveWorkingDays: solve.value, ruleID: targets.0.id
        )
        severityLevels = Sourced(severity, ruleID: severityRule.id, location: severityRule.location)
        gridResponseHours = responseHours
        escalationPath = path
    }
}
