import Foundation
import GridData
import GridModel

/// How a job run ended: the exit status its findings call for, the summary for stdout and the lines for stderr.
struct JobOutcome {
    var status: ExitStatus
    var summary: String
    var messages: [String]

    /// An outcome with every field given.
    init(status: ExitStatus, summary: String, messages: [String]) {
        self.status = status
        self.summary = summary
        self.messages = messages
    }

    /// The outcome of a report: exit 1 with every finding (the first `shown`, then a count) when a rule is unmet.
    init(report: JobReport<some Encodable & Sendable>, summary: String, written: String, shown: Int = 20) {
        status = report.findings.isEmpty ? .done : .ruleUnmet
        self.summary = summary
        messages = report.warnings.prefix(shown).map { Message.text("cli.outcome.warning", ["message": "\($0)"]) }
        if report.warnings.count > shown {
            messages.append(Message.text("cli.outcome.more_warnings", ["n": "\(report.warnings.count - shown)"]))
        }
        messages += report.findings.prefix(shown).map { Message.text("cli.outcome.unmet", ["message": "\($0)"]) }
        if report.findings.count > shown {
            messages.append(Message.text("cli.outcome.more_findings", ["n": "\(report.findings.count - shown)"]))
        }
        if !report.findings.isEmpty {
            messages.append(
                Message.text(
                    "cli.outcome.rules_unmet",
                    [
                        "job": CodeNames.name(of: report.job), "rules": Counted.rules(report.findings.count),
                        "path": written,
                    ]))
        }
    }

    /// Prints the summary to stdout and the messages to stderr, then ends with the status (exit 1 as a failure).
    func finish() throws {
        try StandardOutput.write(summary)
        for message in messages { StandardError.write(message) }
        if status != .done { throw CommandFailure(status, "") }
    }
}

/// kpis.json and run.json of a job, through the one JSON writer.
enum JobFiles {
    static func write(report: JobReport<some Encodable & Sendable>, run: RunRecord, into folder: JobFolder) throws {
        try folder.write("kpis.json", text: try PlanJSON.text(report))
        try folder.write("run.json", text: try PlanJSON.text(run))
    }
}
