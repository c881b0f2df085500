import Foundation
import GridData
import GridModel
import GridRules
import Matching
import PlanningSupport

/// One round of the matching loop: where every request of the week stands (from the last dispatch, the answers
/// and the services done), a GLPK dispatch of those nobody holds, and the files an office acts on: matches.csv,
/// unmatched.csv, request_states.csv, earnings.csv, sheets.html, matching.xlsx, kpis.json and run.json.
struct DispatchJobRun {
    let ruleSet: RuleSet
    let seed: UInt64
    let deadline: Deadline
    let week: ISOWeek
    /// `--as-of`: a live round offers at this moment; nil replays the week in batch (offers as orders came) and
    /// stands at the end of the week.
    let asOf: LocalDateTime?

    /// The loop's files; nil takes the street folder's own (responses.csv, completions.csv, leave.csv,
    /// calendar.csv) when present.
    struct Files {
        var responses: URL?
        var completions: URL?
        /// The last dispatch: a folder holding matches.csv (or a plan folder with matching/).
        var previous: URL?
        /// The plan whose roster.csv blocks volunteers' time (grids.csv gives door-knocking rounds a place).
        var plan: PlanFolderLayout?
        var leave: URL?
        var calendar: URL?
    }

    /// A tier's solve on a street takes well under a second; the cap keeps a pathological part from eating the
    /// run's budget, and is not a planner's choice.
    static let tierSeconds = 60.0

    /// The moment the round stands at.
    var standingMoment: LocalDateTime {
        asOf ?? LocalDateTime(date: week.monday.adding(days: 7), minuteOfDay: 0)
    }

    func run(street: Street, streetURL: URL, files: Files, into folder: JobFolder, clock: inout JobClock) throws
        -> JobOutcome
    {
        let input: DispatchInput
        do {
            input = try DispatchInput.read(street: street, streetURL: streetURL, week: week, files: files)
        } catch {
            throw CommandFailure(error, context: Message.text("cli.context.input"))
        }
        clock.lap("read")
        let moment = standingMoment
        let loop = RequestLoop(
            requests: input.requests, previous: input.previous, responses: input.responses,
            completions: input.completions, asOf: moment, offersAtAsOf: asOf != nil)
        let built = DispatchProblemBuilder(street: street, rules: ruleSet, week: week).problem(
            loop: loop, roster: input.roster, gridPositions: input.gridPositions, leave: input.leave,
            calendar: input.calendar)
        let seconds = clock.seconds(for: "dispatch", cap: Self.tierSeconds, within: deadline)
        let result: DispatchResult
        do {
            result = try Dispatcher(
                rules: DispatchRules(ruleSet.matching), options: DispatchOptions(secondsPerTier: seconds)
            ).dispatch(built.problem)
        } catch {
            throw CommandFailure(error, context: Message.text("cli.context.dispatch"))
        }
        clock.lap("dispatch")
        let tables = DispatchTables(
            street: street, rules: ruleSet.matching, loop: loop, result: result, calendar: input.calendar,
            completions: input.completions)
        let names = PlanNames(street: street, gridOfBuilding: input.gridOfBuilding)
        try folder.write(
            "matches.csv", text: MatchingTableWriter.matchesText(tables.matches, requests: input.requests, names: names))
        try folder.write(
            "unmatched.csv",
            text: MatchingTableWriter.unmatchedText(tables.unmatched, requests: input.requests, names: names))
        try folder.write("request_states.csv", text: tables.statesText())
        try folder.write("earnings.csv", text: MatchingTableWriter.earningsText(tables.earnings))
        let labels = ruleSet.matching.services.map {
            ServiceLabel(service: $0.id, nameChinese: $0.nameChinese, nameEnglish: $0.nameEnglish, sensitive: $0.sensitive)
        }
        try folder.write(
            "sheets.html",
            text: DispatchSheetWriter(street: street, requests: input.requests, labels: labels).text(
                tables.matches, week: week))
        try folder.writeWorkbook("matching.xlsx", first: "matches.csv")
        clock.lap("write")
        let report = tables.report(
            seed: seed, ruleSet: ruleSet.identity, week: week, asOf: moment, live: asOf != nil,
            unplaced: built.unplaced, planGiven: files.plan != nil)
        try JobFiles.write(report: report, run: clock.record, into: folder)
        return JobOutcome(
            report: report, summary: tables.summary(week: week, written: folder.written), written: folder.written,
            shown: 10)
    }
}

/// The files of one round, read and checked before anything is dispatched.
struct DispatchInput {
    var requests: [ServiceRequest]
    var previous: [MatchRow] = []
    var responses: [RequestResponse] = []
    var completions: [ServiceCompletion] = []
    var roster: [RosterEntry] = []
    var gridPositions: [GridID: PlanarPoint] = [:]
    var gridOfBuilding: [BuildingID: GridID] = [:]
    var leave: [Leave] = []
    var calendar: [CalendarDay] = []

    /// The week's requests (those whose window overlaps it) and every file of the loop, each with its problems.
    static func read(street: Street, streetURL: URL, week: ISOWeek, files: DispatchJobRun.Files)
        throws(GridDataError) -> DispatchInput
    {
        let weekStart = LocalDateTime(date: week.monday, minuteOfDay: 0)
        let weekEnd = LocalDateTime(date: week.monday.adding(days: 7), minuteOfDay: 0)
        var input = DispatchInput(
            requests: street.requests.filter { $0.latest > weekStart && $0.earliest < weekEnd })
        func existing(_ name: String) -> URL? {
            SpreadsheetTwin.readable(for: streetURL.appendingPathComponent(name))
        }
        let reader = MatchingFileReader(street: street)
        if let url = files.responses ?? existing("responses.csv") { input.responses = try reader.readResponses(file: url) }
        if let url = files.completions ?? existing("completions.csv") {
            input.completions = try reader.readCompletions(file: url)
        }
        if let folder = files.previous {
            let nested = folder.appendingPathComponent("matching/matches.csv")
            let url =
                FileManager.default.fileExists(atPath: nested.path) ? nested : folder.appendingPathComponent("matches.csv")
            input.previous = try reader.readMatches(file: url)
        }
        let rosterReader = RosterFileReader(street: street)
        if let url = files.leave ?? existing("leave.csv") { input.leave = try rosterReader.readLeave(file: url) }
        if let url = files.calendar ?? existing("calendar.csv") {
            input.calendar = try rosterReader.readCalendar(file: url)
        }
        if let plan = files.plan {
            let grids = try PlanFolderReader(street: street).readGrids(in: plan.grids)
            let positions = Dictionary(street.buildings.map { ($0.id, $0.position) }, uniquingKeysWith: { a, _ in a })
            var sums: [GridID: (x: Double, y: Double, n: Double)] = [:]
            for row in grids {
                input.gridOfBuilding[row.buildingID] = input.gridOfBuilding[row.buildingID] ?? row.gridID
                guard let point = positions[row.buildingID] else { continue }
                let sum = sums[row.gridID] ?? (0, 0, 0)
                sums[row.gridID] = (sum.x + point.x, sum.y + point.y, sum.n + 1)
            }
            input.gridPositions = sums.mapValues { PlanarPoint(x: $0.x / $0.n, y: $0.y / $0.n) }
            let rosterFile = plan.roster.appendingPathComponent("roster.csv")
            if FileManager.default.fileExists(atPath: rosterFile.path) {
                input.roster = try rosterReader.readPinned(file: rosterFile, week: week, grids: Set(grids.map(\.gridID)))
            }
        }
        return input
    }
}
