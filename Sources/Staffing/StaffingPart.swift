import GridModel

/// What one staffing step found in one community (or the whole street): rows, shortfalls, warnings, solver outcome.
struct StaffingPart {
    var leaders: [LeaderAssignment] = []
    var cadrePosts: [CadrePostAssignment] = []
    var mentoring: [MentorPairing] = []
    var reporting: [ReportingPlacement] = []
    var shortfalls: [Finding] = []
    var warnings: [PlanWarning] = []
    var solver: [String: StaffingSolveSummary] = [:]

    mutating func merge(_ other: StaffingPart) {
        leaders += other.leaders
        cadrePosts += other.cadrePosts
        mentoring += other.mentoring
        reporting += other.reporting
        shortfalls += other.shortfalls
        warnings += other.warnings
        for (key, summary) in other.solver { solver[key, default: StaffingSolveSummary()].add(summary) }
    }
}
