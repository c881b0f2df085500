import ArgumentParser
import Foundation
import GridData
import GridModel
import GridRules
import Rostering

/// `wangge roster STREET_DIR --plan DIR --week 2026-W48 --out DIR`: one week's visits and door-knocking rounds.
struct RosterCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Plan a week's visits to cared-for residents and the cadres' door-knocking rounds.",
        discussion: """
            Reads the street folder and the plan (grids.csv, and the staffing's leaders.csv, cadres.csv and \
            reporting.csv, which must be there) and writes roster.csv, unmet.csv, roster.html (grid rosters for \
            the notice board), sheets.html (a visit sheet per visitor), calendars/PERSON_ID.ics (a calendar per \
            visitor), kpis.json and run.json to --out, and roster.ics with --street-calendar, \
            every file readable by its owner only. Without --history, --leave or --calendar the street folder's \
            visits.csv, leave.csv and calendar.csv are used when present. A building split over grids is rostered \
            in the grid holding most of its households. Visits that cannot be placed are listed in unmet.csv and \
            the command exits 1; bad input exits 2 naming file, line and column.
            """
    )

    @Argument(help: "The street folder (buildings.csv, people.csv, residents.csv …).")
    var street: String

    @Option(
        help: ArgumentHelp(
            "The plan: a folder from `wangge plan` (grids/, staff/) or one holding grids.csv and the staffing files.",
            valueName: "dir"))
    var plan: String

    @Option(help: ArgumentHelp(PlanDateOptions.weekHelp, valueName: "week"))
    var week: String

    @Option(help: ArgumentHelp("Already published roster.csv rows of this week to keep.", valueName: "file"))
    var pinned: String?

    @OptionGroup var records: RosterFileOptions

    @OptionGroup var outputs: RosterOutputOptions

    @OptionGroup var options: PlanningOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        var clock = JobClock(job: .roster)
        let deadline = options.deadline()
        let isoWeek = try PlanDateOptions.parseWeek(week)
        let ruleSet = try options.rules.load()
        clock.lap("rules")
        let loaded = try StreetInput.load(street, needs: .roster)
        let job = RosterJobRun(
            ruleSet: ruleSet, seed: options.seed, threads: options.threads, deadline: deadline, week: isoWeek,
            streetCalendar: outputs.streetCalendar)
        let files = RosterJobRun.Files(records: records, pinned: pinned)
        let outcome = try JobOutput.write(to: options.out, privacy: .residentData) { output in
            try job.run(
                street: loaded, streetURL: URL(fileURLWithPath: street),
                plan: PlanFolderLayout(folder: URL(fileURLWithPath: plan)), files: files,
                into: try JobOutput.part(output, "", written: options.out), clock: &clock)
        }
        try outcome.finish()
    }
}
