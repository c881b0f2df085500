/// The data module's error: every problem found in a street folder (or one file), in file order.
///
/// Reading never stops at the first problem: each file is read to its end and up to
/// ``StreetLoader/issueLimitPerFile`` problems are kept per file; `omitted` counts the rest so that the
/// printout can say "… and N more".
public struct GridDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems kept, in the order the files were read, then by line.
    public var issues: [DataIssue]
    /// Problems found beyond the per-file limit, by file name.
    public var omitted: [String: Int]

    /// Creates an error from the problems found.
    public init(issues: [DataIssue], omitted: [String: Int] = [:]) {
        self.issues = issues
        self.omitted = omitted
    }

    /// An error with a single problem.
    public init(_ issue: DataIssue) {
        self.init(issues: [issue])
    }

    /// Every problem counted, kept or not.
    public var totalCount: Int { issues.count + omitted.values.reduce(0, +) }

    /// One line per problem, with a "… and N more" line after each file whose problems were cut.
    public var lines: [String] {
        var result: [String] = []
        var index = 0
        while index < issues.count {
            let file = issues[index].file
            while index < issues.count, issues[index].file == file {
                result.append(issues[index].description)
                index += 1
            }
            if let more = omitted[file], more > 0 {
                result.append("\(file): … and \(more) more problem\(more == 1 ? "" : "s")")
            }
        }
        for (file, more) in omitted.sorted(by: { $0.key < $1.key }) where more > 0 {
            if !issues.contains(where: { $0.file == file }) {
                result.append("\(file): … and \(more) more problem\(more == 1 ? "" : "s")")
            }
        }
        return result
    }

    public var description: String { lines.joined(separator: "\n") }
}
