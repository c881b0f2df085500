import ArgumentParser
import Foundation
import GridData
import GridModel

/// `wangge requests …`: the matching loop (群众点单、社区派单、党员接单).
struct RequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Residents order, the community dispatches, volunteers accept: one round of the matching loop.",
        subcommands: [DispatchCommand.self]
    )
}

/// `wangge requests dispatch STREET_DIR --week W --out DIR`: one round of the loop.
struct DispatchCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Dispatch the week's service requests to volunteers, after their answers and the services done.",
        discussion: """
            Reads the street folder (people.csv, residents.csv, requests.csv) and, when given or present in the \
            street folder, responses.csv, completions.csv, leave.csv and calendar.csv; --previous is the last \
            round's folder (its matches.csv), --plan a plan whose roster.csv blocks volunteers' time. Writes \
            matches.csv (rank 1 the volunteer, then ranked alternates), unmatched.csv (the rule that blocked \
            each), request_states.csv (each request's state and its 2341 targets), earnings.csv (confirmed \
            services, in the time-bank import format), sheets.html (a dispatch sheet per volunteer), \
            matching.xlsx, kpis.json and run.json to --out, owner-only. Without --as-of the week is replayed: \
            offers are made as orders come in, and the loop stands at the end of the week; with --as-of, offers \
            are made at that moment. Unmatched requests and missed targets exit 1; bad input exits 2 naming \
            file, line and column.
            """
    )

    @Argument(help: "The street folder (buildings.csv, people.csv, residents.csv, requests.csv …).")
    var street: String

    @Option(help: ArgumentHelp(PlanDateOptions.weekHelp, valueName: "week"))
    var week: String

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The moment of a live round (2026-11-25T09:30 or 2026/11/25 9:30); default: the week replayed.",
            valueName: "time"))
    var asOf: String?

    @Option(help: ArgumentHelp("The orders (default: the street's requests.csv).", valueName: "file"))
    var requests: String?

    @Option(help: ArgumentHelp("Volunteers' answers (default: the street's responses.csv).", valueName: "file"))
    var responses: String?

    @Option(help: ArgumentHelp("Services done (default: the street's completions.csv).", valueName: "file"))
    var completions: String?

    @Option(help: ArgumentHelp("The last round's output folder (its matches.csv).", valueName: "dir"))
    var previous: String?

    @Option(
        help: ArgumentHelp(
            "A plan folder (from `wangge plan`) whose roster.csv blocks volunteers' time that week.", valueName: "dir"))
    var plan: String?

    @OptionGroup var absences: AbsenceFileOptions

    @OptionGroup var options: PlanningOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        var clock = JobClock(job: .matching)
        let deadline = options.deadline()
        let isoWeek = try PlanDateOptions.parseWeek(week)
        var moment: LocalDateTime?
        if let asOf {
            guard let parsed = WrittenDate.dateTime(asOf) else {
                throw CommandFailure.badInput(Message.text("cli.option.as_of_time", ["value": asOf]))
            }
            moment = parsed
        }
        let ruleSet = try options.rules.load()
        clock.lap("rules")
        let loaded = try StreetInput.load(street, needs: .matching, rules: ruleSet, requests: requests)
        let job = DispatchJobRun(ruleSet: ruleSet, seed: options.seed, deadline: deadline, week: isoWeek, asOf: moment)
        let files = DispatchJobRun.Files(
            responses: responses.map(URL.init(fileURLWithPath:)),
            completions: completions.map(URL.init(fileURLWithPath:)),
            previous: previous.map(URL.init(fileURLWithPath:)),
            plan: plan.map { PlanFolderLayout(folder: URL(fileURLWithPath: $0)) },
            leave: absences.leave.map(URL.init(fileURLWithPath:)),
            calendar: absences.calendar.map(URL.init(fileURLWithPath:)))
        let outcome = try JobOutput.write(to: options.out, privacy: .residentData) { output in
            try job.run(
                street: loaded, streetURL: URL(fileURLWithPath: street), files: files,
                into: try JobOutput.part(output, "", written: options.out), clock: &clock)
        }
        try outcome.finish()
    }
}
