import GridModel

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
                result.append(Self.moreProblems(more, in: file))
            }
        }
        for (file, more) in omitted.sorted(by: { $0.key < $1.key }) where more > 0 {
            if !issues.contains(where: { $0.file == file }) {
                result.append(Self.moreProblems(more, in: file))
            }
        }
        return result
    }

    public var description: String { lines.joined(separator: "\n") }

    /// `buildings.csv: … and 3 more problems`, in the command's language.
    private static func moreProblems(_ count: Int, in file: String) -> String {
        count == 1
            ? Message.text("data.error.one_more_problem", ["file": file])
            : Message.text("data.error.more_problems", ["file": file, "count": "\(count)"])
    }
}
