import ArgumentParser
import Foundation
import GridData
import GridModel
import GridRules

/// `wangge validate DIR`: reads a street folder and prints its summary, or every problem found (exit 2).
struct ValidateCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a street folder and print its summary, or its errors (exit 2).",
        discussion: """
            Reads buildings.csv and the optional files of a street (or city) folder, and the files jobs read beside \
            them (leave.csv, calendar.csv, leaders.csv, cadres.csv, responses.csv and completions.csv), checks \
            every row and every reference (a request's service against the rules' service catalogue), and \
            prints the counts of communities, compounds, buildings, households, people by role and \
            residents by category. Problems go to stderr, each with its file, line, column, value and what was \
            expected; the folder is never changed.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The street folder (holding buildings.csv).")
    var directory: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Problems printed per file before '… and N more'.")
    var maxIssues: Int = StreetLoader.defaultIssueLimitPerFile

    @OptionGroup var rules: RuleSetOptions

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        guard maxIssues >= 1 else { throw ValidationError(Message.text("cli.option.max_issues")) }
    }

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        // requests.csv may order only what the catalogue of the rules the jobs would use lists.
        let matching = try rules.load().matching
        var loader = StreetLoader(
            directory: url, issueLimitPerFile: maxIssues, knownServices: Set(matching.services.map(\.id)))
        loader.knownUrgencies = matching.loop.urgencySpellings
        let check = StreetFolderCheck(loader: loader)
        if let error = check.error { throw CommandFailure.badInput(try failureText(error)) }
        guard let loaded = check.loaded else { return }
        let summary = StreetSummary(loaded.street)
        switch format {
        case .text:
            var lines = [Message.text("cli.validate.street", ["path": directory])]
            lines += summary.lines
            lines.append(Message.text("cli.validate.files"))
            for file in loaded.files {
                let arguments = [
                    "file": file.file.fileName, "rows": Counted.rows(file.rows), "encoding": file.encoding.name,
                ]
                lines.append("  " + Message.text("cli.validate.file_rows", arguments))
            }
            for file in check.companions {
                lines.append(
                    "  " + Message.text("cli.validate.companion_rows", ["file": file.file, "rows": Counted.rows(file.rows)]))
            }
            try StandardOutput.write(lines.joined(separator: "\n"))
        case .json:
            let report = ValidationReport(
                valid: true, directory: directory, summary: summary,
                files: loaded.files.map {
                    .init(file: $0.file.fileName, rows: $0.rows, encoding: $0.encoding.rawValue)
                } + check.companions.map { .init(file: $0.file, rows: $0.rows, encoding: nil) },
                issues: nil, omitted: nil)
            try StandardOutput.write(try Self.json(report))
        }
    }

    private func failureText(_ error: GridDataError) throws -> String {
        switch format {
        case .text:
            return error.description + "\n"
                + Message.text(
                    "cli.validate.problems", ["problems": Counted.problems(error.totalCount), "path": directory])
        case .json:
            let report = ValidationReport(
                valid: false, directory: directory, summary: nil, files: nil, issues: error.issues,
                omitted: error.omitted.isEmpty ? nil : error.omitted)
            return try Self.json(report)
        }
    }

    private static func json(_ report: ValidationReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
