import ArgumentParser
import Foundation
import GridData
import GridModel
import GridRules

/// `wangge plan STREET_DIR --week W --out DIR`: grids, staffing and the week's roster in one plan folder.
struct PlanCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a street's week end to end: grids, staffing, the roster and matching in one plan folder.",
        discussion: """
            Runs grids draw, staff assign and roster in order into DIR/grids, DIR/staff and DIR/roster, and, when \
            the street has requests.csv, requests dispatch into DIR/matching (the week replayed, the roster's \
            visits blocking volunteers' time), each with its own kpis.json and run.json; no job writes over another's files. The folder is written beside --out \
            and swapped in at the end, so an interrupted run leaves the previous plan whole. With --current (last \
            week's plan folder) grids and staffing stay as they were unless the street or the rules changed. The \
            exit code is the highest of the jobs' (1: a rule not met, the plan written); a job that exits 2 or 3 \
            stops the run and nothing is written.
            """
    )

    @Argument(help: "The street folder (buildings.csv, people.csv, residents.csv …).")
    var street: String

    @Option(help: ArgumentHelp(PlanDateOptions.weekHelp, valueName: "week"))
    var week: String

    @OptionGroup var before: CurrentPlanOptions

    @OptionGroup var records: RosterFileOptions

    @OptionGroup var outputs: RosterOutputOptions

    @OptionGroup var options: PlanningOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let deadline = options.deadline()
        let isoWeek = try PlanDateOptions.parseWeek(week)
        var gridsClock = JobClock(job: .grids)
        let ruleSet = try options.rules.load()
        gridsClock.lap("rules")
        let streetURL = URL(fileURLWithPath: street)
        var loaded = try StreetInput.load(street, needs: .plan, rules: ruleSet)
        try StreetInput.apply(current: before.current, locks: before.locks, to: &loaded)
        gridsClock.lap("read")
        let out = options.out
        let currentStaff = before.current.map { PlanFolderLayout(folder: URL(fileURLWithPath: $0)).staff }.flatMap {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("leaders.csv").path) ? $0 : nil
        }
        let outcomes = try JobOutput.write(to: out, privacy: .residentData) { output -> [JobOutcome] in
            let layout = PlanFolderLayout(planFolder: output.staging)
            let grids = try GridsJobRun(
                ruleSet: ruleSet, seed: options.seed, threads: options.threads, deadline: deadline,
                defaultBudget: options.timeLimitGiven == nil
            ).run(
                street: loaded, into: try JobOutput.part(output, "grids", written: "\(out)/grids"), clock: &gridsClock)
            var staffClock = JobClock(job: .staff)
            let staff = try StaffJobRun(
                ruleSet: ruleSet, seed: options.seed, threads: options.threads, deadline: deadline,
                referenceYear: isoWeek.thursday.year
            ).run(
                street: loaded, streetURL: streetURL, plan: layout, current: currentStaff, locks: before.locks,
                into: try JobOutput.part(output, "staff", written: "\(out)/staff"), clock: &staffClock)
            var rosterClock = JobClock(job: .roster)
            let roster = try RosterJobRun(
                ruleSet: ruleSet, seed: options.seed, threads: options.threads, deadline: deadline, week: isoWeek,
                streetCalendar: outputs.streetCalendar
            ).run(
                street: loaded, streetURL: streetURL, plan: layout,
                files: RosterJobRun.Files(records: records, pinned: nil),
                into: try JobOutput.part(output, "roster", written: "\(out)/roster"), clock: &rosterClock)
            guard !loaded.requests.isEmpty else { return [grids, staff, roster] }
            var matchingClock = JobClock(job: .matching)
            let matching = try DispatchJobRun(
                ruleSet: ruleSet, seed: options.seed, deadline: deadline, week: isoWeek, asOf: nil
            ).run(
                street: loaded, streetURL: streetURL,
                files: DispatchJobRun.Files(
                    plan: layout, leave: records.leave.map(URL.init(fileURLWithPath:)),
                    calendar: records.calendar.map(URL.init(fileURLWithPath:))),
                into: try JobOutput.part(output, "matching", written: "\(out)/matching"), clock: &matchingClock)
            return [grids, staff, roster, matching]
        }
        let status = outcomes.map(\.status).max { $0.rawValue < $1.rawValue } ?? .done
        let combined = JobOutcome(
            status: status, summary: outcomes.map(\.summary).joined(separator: "\n"),
            messages: outcomes.flatMap(\.messages))
        try combined.finish()
    }
}
