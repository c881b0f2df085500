import GridModel

/// The rules of one effective set grouped by type, for the typed sections to read.
struct RuleIndex {
    let byType: [RuleType: [Rule]]
    let context: RuleReadContext
    let reportMissing: Bool
    /// Types some rule entry declares, even one whose envelope failed to read (its problem is already reported,
    /// so "missing rule" would only repeat it).
    let declaredTypes: Set<RuleType>
    /// Objective terms some `objective_term` entry names, likewise.
    let declaredTerms: Set<String>

    init(
        rules: [Rule], context: RuleReadContext, reportMissing: Bool, declaredTypes: Set<RuleType>,
        declaredTerms: Set<String> = []
    ) {
        self.byType = Dictionary(grouping: rules, by: \.type)
        self.context = context
        self.reportMissing = reportMissing
        self.declaredTypes = declaredTypes
        self.declaredTerms = declaredTerms
    }

    /// The single rule of a type; reports a missing or repeated one.
    func one(_ type: RuleType) -> Rule? {
        let rules = byType[type] ?? []
        guard let first = rules.first else {
            if reportMissing && !declaredTypes.contains(type) {
                context.report(
                    .missingRule, at: SourceLocation(file: type.homeFile, line: 0, column: 0),
                    Message.text("rules.set.missing_type", ["type": type.rawValue, "file": type.homeFile]))
            }
            return nil
        }
        for extra in rules.dropFirst() {
            let arguments = [
                "rule": extra.id.rawValue, "type": type.rawValue, "first": first.id.rawValue,
                "location": "\(first.location)",
            ]
            context.report(.duplicateRule, at: extra.location, Message.text("rules.set.duplicate_type", arguments))
        }
        return first
    }

    /// Every rule of a type, sorted by id.
    func all(_ type: RuleType) -> [Rule] {
        (byType[type] ?? []).sorted { $0.id < $1.id }
    }

    /// Reads the parameters of a rule allowing `keys`.
    func parameters(_ rule: Rule, _ keys: [String]) -> ParameterMap? {
        context.parameters(of: rule, keys: keys)
    }
}

extension RuleType {
    /// The shipped file that holds rules of this type, for "missing rule" messages.
    var homeFile: String {
        switch self {
        case .compoundTypeVocabulary, .gridSize, .microGridSize, .microGridCoverage, .keepWhole, .withinCommunity,
            .contiguity, .specialGrids, .specialGridSites, .adjacency, .numbering, .objectiveTerm:
            return "grid.yaml"
        case .gridLeader, .gridWorker, .microGridLeader, .specialGridStaffing, .preferredPools, .postLimit,
            .buildingLeader, .cadrePosts,
            .cadresPerGrid, .postWorkload, .mentoring, .reporting, .staffRatio, .patrol, .publicContacts:
            return "staffing.yaml"
        case .categoryVocabulary, .sensitiveCategories, .visitFrequency, .defaultAvailability, .visitCaps,
            .doorKnocking, .fixedPairing, .priorityOrder, .eventFollowUp, .visitVisitors, .visitCatchUp, .slotTimes:
            return "visits.yaml"
        case .serviceCatalogue:
            return "services.yaml"
        case .skillVocabulary, .matchingDistance, .rankingWeights, .responseTargets, .severityLevels, .escalation,
            .dispatchTimes, .volunteerCaps, .declinedOffers, .loadBalance, .requestPriority,
            .dispatchVolunteers:
            return "matching.yaml"
        case .timeBankVersion, .timeBankUnit, .timeBankServices, .timeBankEligibility, .timeBankAccounts,
            .timeBankPeriodCaps, .timeBankTransfers, .timeBankLifecycle, .timeBankWorkflow, .timeBankPortability:
            return "timebank.yaml"
        case .pointsItems, .pointsCycle, .pointsAward:
            return "points.yaml"
        }
    }
}
