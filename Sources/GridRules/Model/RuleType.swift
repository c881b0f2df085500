/// The schema a rule follows (`type:` in a rule file): which parameters it has and which job reads it.
public enum RuleType: String, CaseIterable, Hashable, Sendable, Comparable {
    // grid.yaml
    case compoundTypeVocabulary = "compound_type_vocabulary"
    case gridSize = "grid_size"
    case microGridSize = "micro_grid_size"
    case microGridCoverage = "micro_grid_coverage"
    case keepWhole = "keep_whole"
    case withinCommunity = "within_community"
    case contiguity
    case specialGrids = "special_grids"
    case adjacency
    case numbering
    case objectiveTerm = "objective_term"
    // staffing.yaml
    case gridLeader = "grid_leader"
    case gridWorker = "grid_worker"
    case microGridLeader = "micro_grid_leader"
    case preferredPools = "preferred_pools"
    case postLimit = "post_limit"
    case buildingLeader = "building_leader"
    case cadrePosts = "cadre_posts"
    case cadresPerGrid = "cadres_per_grid"
    case postWorkload = "post_workload"
    case mentoring
    case reporting
    case staffRatio = "staff_ratio"
    case patrol
    // visits.yaml
    case categoryVocabulary = "category_vocabulary"
    case sensitiveCategories = "sensitive_categories"
    case visitFrequency = "visit_frequency"
    case defaultAvailability = "default_availability"
    case visitCaps = "visit_caps"
    case doorKnocking = "door_knocking"
    case fixedPairing = "fixed_pairing"
    case priorityOrder = "priority_order"
    case eventFollowUp = "event_follow_up"
    // matching.yaml
    case skillVocabulary = "skill_vocabulary"
    case serviceCatalogue = "service_catalogue"
    case matchingDistance = "matching_distance"
    case rankingWeights = "ranking_weights"
    case responseTargets = "response_targets"
    case severityLevels = "severity_levels"
    case escalation
    // timebank.yaml
    case timeBankVersion = "timebank_version"
    case timeBankUnit = "timebank_unit"
    case timeBankServices = "timebank_services"
    case timeBankEligibility = "timebank_eligibility"
    case timeBankAccounts = "timebank_accounts"
    case timeBankPeriodCaps = "timebank_period_caps"
    case timeBankTransfers = "timebank_transfers"
    case timeBankLifecycle = "timebank_lifecycle"
    case timeBankWorkflow = "timebank_workflow"
    case timeBankPortability = "timebank_portability"

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
