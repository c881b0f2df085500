import ArgumentParser
import Foundation
import GridData
import GridModel
import GridRules
import Rostering

/// `wangge roster STREET_DIR --plan DIR --week 2026-W48 --out DIR`: one week's visits and door-knocking rounds.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Plan a week's visits to cared-for residents and the cadres' door-knocking rounds.",
        discussion: """
            Reads the street folder and the plan folder (grids.csv; leaders.csv, cadres.csv and reporting.csv when \
            present) and writes roster.csv, unmet.csv, roster.ics, roster.html, kpis.json and run.json to --out, \
            every file readable by its owner only. Without --history, --leave or --calendar the street folder's \
            visits.csv, leave.csv and calendar.csv are used when present. A building split over grids is rostered \
            in the grid holding most of its households. Visits that cannot be placed are listed in unmet.csv and \
            the command exits 1; bad input exits 2 naming file, line and column.
            """
    )

    @Argument(help: "The street folder (buildings.csv, people.csv, residents.csv …).")
    var street: String

    @Option(help: ArgumentHelp("The plan folder holding grids.csv and the staffing outputs.", valueName: "dir"))
    var plan: String

    @Option(help: ArgumentHelp("The ISO week to plan, such as 2026-W48.", valueName: "week"))
    var week: String

    @Option(help: ArgumentHelp("Past visits (default: the street's visits.csv).", valueName: "file"))
    var history: String?

    @Option(help: ArgumentHelp("Already published roster.csv rows of this week to keep.", valueName: "file"))
    var pinned: String?

    @Option(help: ArgumentHelp("Leave (person_id, from, to; default: the street's leave.csv).", valueName: "file"))
    var leave: String?

    @Option(
        help: ArgumentHelp("Holidays and working weekends (default: the street's calendar.csv).", valueName: "file"))
    var calendar: String?

    @OptionGroup var rules: RuleSetOptions

    @Option(help: "Seed of every tie-break.")
    var seed: UInt64 = 1

    @Option(help: "Communities planned at once.")
    var threads: Int = 2

    @Option(help: ArgumentHelp("Output folder (created if missing).", valueName: "dir"))
    var out: String

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        var clock = JobClock(job: .roster)
        let isoWeek = try Self.parseWeek(week)
        let ruleSet = try rules.load()
        clock.lap("rules")
        let streetURL = URL(fileURLWithPath: street)
        let loaded: Street
        do {
            loaded = try StreetLoader(directory: streetURL).load()
        } catch {
            throw CommandFailure.badInput(
                error.description + "\n\(error.totalCount) problem\(error.totalCount == 1 ? "" : "s") in \(street)")
        }
        let input: RosterInput
        do {
            input = try RosterInputAssembly(street: loaded, streetURL: streetURL, week: isoWeek, seed: seed).input(
                plan: URL(fileURLWithPath: plan), history: history.map(URL.init(fileURLWithPath:)),
                pinned: pinned.map(URL.init(fileURLWithPath:)), leave: leave.map(URL.init(fileURLWithPath:)),
                calendar: calendar.map(URL.init(fileURLWithPath:)))
        } catch {
            throw CommandFailure.badInput(
                error.description + "\n\(error.totalCount) problem\(error.totalCount == 1 ? "" : "s") in the input; "
                    + "no roster was written.")
        }
        clock.lap("read")
        let result: RosterResult
        do {
            result = try RosterPlanner(ruleSet: ruleSet, threads: threads).plan(input)
        } catch {
            switch error {
            case .solver: throw CommandFailure(.internalError, "roster: \(error.description)")
            default:
                let source = pinned.map { "\($0): " } ?? ""
                throw CommandFailure.badInput(source + error.description)
            }
        }
        clock.lap("plan")
        let outURL = URL(fileURLWithPath: out)
        do {
            try RosterOutputWriter(directory: outURL, street: loaded, ruleSet: ruleSet).write(
                result, week: isoWeek, seed: seed)
        } catch {
            throw CommandFailure(.internalError, "cannot write to \(out): \(error)")
        }
        clock.lap("write")
        try? PlanJSON.write(clock.record, to: outURL.appendingPathComponent("run.json"))
        print(Self.summary(result, out: out))
        guard result.isComplete else {
            var lines = result.unmet.prefix(10).map { "unmet: \($0.residentID) due \($0.due): \($0.reason)" }
            if result.unmet.count > 10 { lines.append("… and \(result.unmet.count - 10) more in unmet.csv") }
            lines += result.warnings.prefix(10).map { "warning: \($0)" }
            if result.warnings.count > 10 { lines.append("… and \(result.warnings.count - 10) more warnings") }
            let unmet = result.unmet.count
            let warnings = result.warnings.count
            lines.append(
                "\(unmet) unmet visit\(unmet == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") "
                    + "(roster written to \(out))")
            throw CommandFailure(.ruleUnmet, lines.joined(separator: "\n"))
        }
    }

    /// The week, or a bad-input failure that says why (`2026-W54`: 2026 has 53 weeks).
    static func parseWeek(_ text: String) throws -> ISOWeek {
        if let week = ISOWeek(parsing: text) { return week }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[1].first == "W",
            let number = Int(parts[1].dropFirst())
        {
            throw CommandFailure.badInput(
                "--week \(text): \(year) has no week \(number); expected a week from \(year)-W01 to "
                    + "\(year)-W\(ISOWeek.weeksIn(year: year))")
        }
        throw CommandFailure.badInput("--week \(text): not an ISO week; expected YYYY-Www such as 2026-W48")
    }

    static func summary(_ result: RosterResult, out: String) -> String {
        let kpis = result.kpis
        let visits = result.entries.filter { $0.kind == .visit }
        let visitors = Set(result.entries.map(\.personID)).count
        return "roster \(kpis.week): \(kpis.metVisits) of \(kpis.dueVisits) due visits placed "
            + "(\(visits.count) visit rows), \(kpis.unmetVisits) unmet; \(kpis.doorKnockingRounds) door-knocking "
            + "rounds (\(kpis.missedDoorKnockingRounds) missed); \(visitors) people on duty; "
            + "\(kpis.pinnedChanged) pinned changed; written to \(out)"
    }
}
