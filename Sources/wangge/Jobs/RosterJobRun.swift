import Foundation
import GridData
import GridModel
import GridRules
import PlanningSupport
import Rostering

/// One run of the roster job: a week's visits and door-knocking rounds, written as roster.csv, unmet.csv,
/// roster.html, sheets.html, calendars/PERSON_ID.ics (and roster.ics on request), kpis.json and run.json into a
/// folder that only its owner can read.
struct RosterJobRun {
    let ruleSet: RuleSet
    let seed: UInt64
    let threads: Int
    let deadline: Deadline
    let week: ISOWeek
    /// Whether to write the street-wide roster.ics besides each visitor's calendar.
    var streetCalendar = false

    /// The optional files: the week's records (nil takes the street folder's own) and the published rows to keep.
    struct Files {
        var records: RosterFileOptions
        var pinned: String?
    }

    /// A community's assignment seldom needs more than a second; the cap keeps one community from eating the
    /// budget of the others, and is not a planner's choice.
    static let communitySeconds = 60.0

    func run(
        street: Street, streetURL: URL, plan: PlanFolderLayout, files: Files, into folder: JobFolder,
        clock: inout JobClock
    ) throws -> JobOutcome {
        let written = folder.written
        let input: RosterInput
        do {
            input = try RosterInputAssembly(street: street, streetURL: streetURL, week: week, seed: seed).input(
                plan: plan, history: files.records.history.map(URL.init(fileURLWithPath:)),
                pinned: files.pinned.map(URL.init(fileURLWithPath:)),
                leave: files.records.leave.map(URL.init(fileURLWithPath:)),
                calendar: files.records.calendar.map(URL.init(fileURLWithPath:)))
        } catch {
            throw CommandFailure(error, context: Message.text("cli.context.input"))
        }
        clock.lap("read")
        let seconds = clock.seconds(for: "roster", cap: Self.communitySeconds, within: deadline)
        let result: RosterResult
        do {
            result = try RosterPlanner(ruleSet: ruleSet, threads: threads, timeLimitPerCommunity: seconds).plan(input)
        } catch {
            throw CommandFailure(error, context: files.pinned ?? Message.text("cli.context.roster"))
        }
        clock.lap("plan")
        let names = PlanNames(street: street, gridOfBuilding: input.gridOfBuilding)
        try RosterOutputWriter(
            street: street, ruleSet: ruleSet, names: names, gridOfBuilding: input.gridOfBuilding,
            streetCalendar: streetCalendar
        ).write(result, week: week, into: folder)
        try folder.writeWorkbook("roster.xlsx", first: "roster.csv")
        clock.lap("write")
        let report = result.report(seed: seed, ruleSet: ruleSet.identity)
        try JobFiles.write(report: report, run: clock.record, into: folder)
        return JobOutcome(report: report, summary: Self.summary(result, written: written), written: written, shown: 10)
    }

    static func summary(_ result: RosterResult, written: String) -> String {
        let kpis = result.kpis
        let visits = result.entries.filter { $0.kind == .visit }
        let visitors = Set(result.entries.map(\.personID)).count
        return Message.text(
            "cli.roster.summary",
            [
                "week": "\(kpis.week)", "path": written, "met": "\(kpis.metVisits)", "due": "\(kpis.dueVisits)",
                "rows": "\(visits.count)", "unmet": "\(kpis.unmetVisits)", "rounds": "\(kpis.doorKnockingRounds)",
                "missed": "\(kpis.missedDoorKnockingRounds)", "people": "\(visitors)",
                "pinned": "\(kpis.pinnedChanged)",
            ])
    }
}
