/// Collects the problems of a street folder, keeping at most `limitPerFile` per file and counting the rest.
struct IssueLog {
    let limitPerFile: Int
    private var kept: [DataIssue] = []
    private var countsByFile: [String: Int] = [:]
    private var omitted: [String: Int] = [:]
    /// Files in the order they were first mentioned, so the report follows the reading order.
    private var fileOrder: [String: Int] = [:]

    init(limitPerFile: Int) {
        self.limitPerFile = max(1, limitPerFile)
    }

    var isEmpty: Bool { kept.isEmpty && omitted.isEmpty }

    /// Problems counted so far in `file`, kept or not.
    func count(in file: String) -> Int { countsByFile[file, default: 0] }

    /// Adds another log's problems after this one's (kept ones in order, omitted ones as counts).
    mutating func absorb(_ other: IssueLog) {
        let otherFiles = other.fileOrder.sorted { $0.value < $1.value }.map(\.key)
        for file in otherFiles where fileOrder[file] == nil { fileOrder[file] = fileOrder.count }
        for issue in other.kept { add(issue) }
        for (file, count) in other.omitted {
            countsByFile[file, default: 0] += count
            omitted[file, default: 0] += count
        }
    }

    mutating func add(_ issue: DataIssue) {
        if fileOrder[issue.file] == nil { fileOrder[issue.file] = fileOrder.count }
        let count = countsByFile[issue.file, default: 0]
        countsByFile[issue.file] = count + 1
        if count < limitPerFile {
            kept.append(issue)
        } else {
            omitted[issue.file, default: 0] += 1
        }
    }

    /// The error to throw: problems grouped by file in reading order, then by line and column.
    func error() -> GridDataError {
        let ordered = kept.enumerated().sorted { lhs, rhs in
            let a = lhs.element
            let b = rhs.element
            let fileA = fileOrder[a.file, default: 0]
            let fileB = fileOrder[b.file, default: 0]
            if fileA != fileB { return fileA < fileB }
            let lineA = a.line ?? 0
            let lineB = b.line ?? 0
            if lineA != lineB { return lineA < lineB }
            let columnA = a.column ?? 0
            let columnB = b.column ?? 0
            if columnA != columnB { return columnA < columnB }
            return lhs.offset < rhs.offset
        }
        return GridDataError(issues: ordered.map(\.element), omitted: omitted)
    }
}
