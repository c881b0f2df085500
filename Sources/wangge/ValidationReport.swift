import GridData

/// What `wangge validate --format json` prints: the summary of a valid street, or the problems of an invalid one.
struct ValidationReport: Encodable {
    struct File: Encodable {
        let file: String
        let rows: Int
        /// Nil for the files read beside the street's own (leave.csv, calendar.csv, leaders.csv).
        let encoding: String?
    }

    let valid: Bool
    let directory: String
    let summary: StreetSummary?
    let files: [File]?
    let issues: [DataIssue]?
    let omitted: [String: Int]?
}
