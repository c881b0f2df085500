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

    /// Solves `assignment` within the input's time limit and records how the solve ended under `part`.
    mutating func solve(
        _ assignment: SlotAssignment, as part: String, context: StaffingContext
    ) throws(StaffingError) -> SlotAssignment.Outcome {
        let outcome = try assignment.solve(timeLimit: context.input.timeLimitPerProblem)
        var summary = StaffingSolveSummary()
        summary.add(outcome.result)
        solver[part] = summary
        return outcome
    }

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
