/// The schema a rule follows (`type:` in a rule file): which parameters it has and which job reads it.
public enum RuleType: String, CaseIterable, Hashable, Sendable, Comparable {
    // grid.yaml
    /// The compound types (小区类型) a street may use.
    case compoundTypeVocabulary = "compound_type_vocabulary"
    /// A grid (网格) holds 300 to 500 households; one full-time grid worker serves it.
    case gridSize = "grid_size"
    /// A micro-grid (微网格) holds 30 to 50 households.
    case microGridSize = "micro_grid_size"
    /// Micro-grids cover every residential atom unless limited to some compound types.
    case microGridCoverage = "micro_grid_coverage"
    /// What stays whole (unit, building, compound), hard or soft.
    case keepWhole = "keep_whole"
    /// A grid never crosses a community (社区) boundary; every grid has exactly one responsible community.
    case withinCommunity = "within_community"
    /// A grid and a micro-grid are contiguous over the adjacency graph (closed polygons with topology).
    case contiguity
    /// Non-residential sites form special grids (专属网格), outside household balancing, each in one community.
    case specialGrids = "special_grids"
    /// The non-residential buildings of one compound or site form one special grid of their kind, cut only above a…
    case specialGridSites = "special_grid_sites"
    /// Without adjacency.csv, neighbours are Delaunay edges up to 260 m plus pairs closer than 120 m, minus…
    case adjacency
    /// Grid codes run west to east, then north to south, inside each community; a re-draw keeps a grid's code.
    case numbering
    /// A soft rule's weight on a term of a job's objective.
    case objectiveTerm = "objective_term"
    // staffing.yaml
    /// Each grid has one grid leader (网格长) from the community workers.
    case gridLeader = "grid_leader"
    /// Each grid has one full-time grid worker (专职网格员).
    case gridWorker = "grid_worker"
    /// Each micro-grid has exactly one micro-grid leader (微网格长), a party member living within 300 m of it.
    case microGridLeader = "micro_grid_leader"
    /// Micro-grid leaders come preferably from retired cadres, property-company party members and merchant…
    case preferredPools = "preferred_pools"
    /// A special grid (专属网格) is staffed from its site's own people, with a grid worker and cadres only where…
    case specialGridStaffing = "special_grid_staffing"
    /// A person holds at most one leader post per level.
    case postLimit = "post_limit"
    /// A building with households has one building leader (楼栋长) living in it, aged 22 to 65.
    case buildingLeader = "building_leader"
    /// Every sunk-down cadre (下沉干部) holds at least one post (认人、认亲、认岗、认事).
    case cadrePosts = "cadre_posts"
    /// Every grid gets at least 2 sunk-down cadres from at least 2 departments.
    case cadresPerGrid = "cadres_per_grid"
    /// A post costs base hours per grid per week plus a share per cared-for resident; a cadre's posts fit in…
    case postWorkload = "post_workload"
    /// Each new worker gets one mentor (老带新); a mentor takes at most 2 new workers.
    case mentoring
    /// In-service party members report to the community where they live (双报到), placed in grids.
    case reporting
    /// At least 18 community workers per 10,000 urban residents.
    case staffRatio = "staff_ratio"
    /// The grid leader patrols the grid daily for at least 30 minutes.
    case patrol
    /// Notice cards print the phones of these posts' holders, and this hotline.
    case publicContacts = "public_contacts"
    // visits.yaml
    /// The resident categories a street may use.
    case categoryVocabulary = "category_vocabulary"
    /// These categories, and the ids of rules about them, never appear on public printouts.
    case sensitiveCategories = "sensitive_categories"
    /// How often residents of some categories are visited.
    case visitFrequency = "visit_frequency"
    /// A person with no availability in people.csv can serve on weekday mornings and afternoons.
    case defaultAvailability = "default_availability"
    /// A visitor makes at most 3 visits a slot, 6 a day and 20 a week.
    case visitCaps = "visit_caps"
    /// Every sunk-down cadre makes one door-knocking round (敲门行动) a week in a grid they serve.
    case doorKnocking = "door_knocking"
    /// A resident with a fixed pairing (结对认亲) is visited by the paired person.
    case fixedPairing = "fixed_pairing"
    /// Who makes visits, the share of their weekly hours visits may take, and how residents' needs match skills.
    case visitVisitors = "visit_visitors"
    /// The last weeks of a month or quarter kept for catching up missed visits.
    case visitCatchUp = "visit_catch_up"
    /// When capacity is short, due visits are kept in this category order; the rest become unmet.
    case priorityOrder = "priority_order"
    /// A visit owed within hours after an event.
    case eventFollowUp = "event_follow_up"
    /// The clock times of the AM, PM and EVE slots, as visit sheets and calendars print them.
    case slotTimes = "slot_times"
    // services.yaml
    /// One catalogue for matching and the time bank; each service with its names, 五色 team, skills, usual minutes,…
    case serviceCatalogue = "service_catalogue"
    // matching.yaml
    /// The skills people may offer and services may require.
    case skillVocabulary = "skill_vocabulary"
    /// A volunteer is matched only to requests within 2,000 m of home.
    case matchingDistance = "matching_distance"
    /// A job starts on a 30-minute step inside its window; a volunteer walks 70 m a minute and keeps at least 10…
    case dispatchTimes = "dispatch_times"
    /// A volunteer takes at most 3 jobs and 240 minutes a day, and 8 jobs and 600 minutes a week.
    case volunteerCaps = "volunteer_caps"
    /// A volunteer who declined a request is not offered it again.
    case declinedOffers = "declined_offers"
    /// After priority and walking, load is balanced; a volunteer's k-th job of the week costs 1 + (k - 1) x 1.
    case loadBalance = "load_balance"
    /// Candidates are ranked by distance, skill fit, load balance and party-member priority.
    case rankingWeights = "ranking_weights"
    /// "2341": respond within 20 minutes, reply within 30 minutes, coordinate within 4 hours, solve within 1…
    case responseTargets = "response_targets"
    /// 四色 severity (placeholder mapping, to be confirmed) and the time allowed to close.
    case severityLevels = "severity_levels"
    /// The roles of people requests are dispatched to.
    case dispatchVolunteers = "dispatch_volunteers"
    /// Dispatch weights and colours by urgency, and a bonus for categories such as elderly living alone.
    case requestPriority = "request_priority"
    /// Grid-closable items are handled inside the grid with a response within 1 hour; others escalate grid,…
    case escalation
    // timebank.yaml
    /// The rule version every ledger entry records; changes are never retroactive.
    case timeBankVersion = "timebank_version"
    /// One minute of service earns one minute, whatever the skill; service time rounds up to a quarter hour.
    case timeBankUnit = "timebank_unit"
    /// Retired: the time bank's own service list, now part of `services.catalogue`; a rule of this type is reported
    /// with where its services belong.
    case timeBankServices = "timebank_services"
    /// People of 18 or older earn; people of 60 or older with a balance redeem; priority recipients are served…
    case timeBankEligibility = "timebank_eligibility"
    /// A personal balance never goes below 0 nor above 1,500 hours; the excess goes to the donation pool.…
    case timeBankAccounts = "timebank_accounts"
    /// A person earns at most 40 hours a month; a breach is rejected.
    case timeBankPeriodCaps = "timebank_period_caps"
    /// Balances transfer to a spouse, parent, grandparent or child of 60 or older, with proof and community…
    case timeBankTransfers = "timebank_transfers"
    /// On death the balance goes to the designated relative, else to the donation pool; leaving freezes the…
    case timeBankLifecycle = "timebank_lifecycle"
    /// Time stays pending until the recipient (or proxy) and the grid worker confirm; it auto-confirms after 14…
    case timeBankWorkflow = "timebank_workflow"
    /// Minutes move between programmes (通存通兑) at these rates, up to a yearly limit per person.
    case timeBankPortability = "timebank_portability"
    // points.yaml
    /// What earns party-member points (service hours, 双报到 activities, 微心愿, organisational life), each capped monthly.
    case pointsItems = "points_items"
    /// "一月一算分、一季一评星、半年一兑换、一年一奖评": the monthly tally, quarterly stars, half-yearly exchange.
    case pointsCycle = "points_cycle"
    /// The yearly award: the points a member needs in a year to pass.
    case pointsAward = "points_award"

    /// Types of which a rule set may hold several rules; every other type appears exactly once.
    public var allowsSeveral: Bool {
        switch self {
        case .keepWhole, .objectiveTerm, .visitFrequency, .eventFollowUp: return true
        default: return false
        }
    }

    /// Orders by name.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
