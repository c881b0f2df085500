import Foundation
import GridData
import GridModel
import GridRules
import PlanningSupport
import Staffing

/// One run of the staffing job: assigns every post of a plan and writes leaders.csv, cadres.csv, mentoring.csv,
/// reporting.csv, shortfalls.csv, cards.html (a notice card per grid), kpis.json and run.json into a folder.
struct StaffJobRun {
    let ruleSet: RuleSet
    let seed: UInt64
    let threads: Int
    /// The run's budget; each solver problem gets at most ``problemSeconds`` of what is left.
    let deadline: Deadline
    /// The year ages are computed in (from `--week` or `--as-of`, never the clock).
    let referenceYear: Int

    /// A staffing solve seldom needs a second on a community; the cap keeps one stubborn community from eating
    /// the budget of the others, and is not a planner's choice.
    static let problemSeconds = 20.0

    /// Staffs the plan whose grids.csv is in `plan.grids`, keeping the posts in `current` (leaders.csv, cadres.csv)
    /// where the rules allow.
    func run(
        street: Street, streetURL: URL, plan: PlanFolderLayout, current: URL?, locks: String?, into folder: JobFolder,
        clock: inout JobClock
    ) throws -> JobOutcome {
        let written = folder.written
        let reader = PlanFolderReader(street: street)
        let input: StaffingInput
        do {
            let rows = try reader.readGrids(in: plan.grids)
            var posts: [StaffingPostRow] = []
            if let current {
                posts = try reader.readCurrentPosts(in: current)
            } else if FileManager.default.fileExists(atPath: streetURL.appendingPathComponent("leaders.csv").path) {
                posts = try reader.readCurrentPosts(in: streetURL)
            }
            let pins = try locks.map { try reader.readLocks(file: URL(fileURLWithPath: $0)) } ?? street.locks
            var scores: [PersonID: PersonScores] = [:]
            for row in try reader.readScores(streetDirectory: streetURL) {
                scores[row.personID] = PersonScores(ability: row.ability, enthusiasm: row.enthusiasm)
            }
            let seconds = clock.seconds(for: "staff", cap: Self.problemSeconds, within: deadline)
            input = StaffingInput(
                street: street, plan: rows,
                currentPosts: posts.map {
                    CurrentPost(
                        role: $0.role, personID: $0.personID, gridID: $0.gridID, microGridID: $0.microGridID,
                        buildingID: $0.buildingID)
                },
                locks: pins, scores: scores, referenceYear: referenceYear, timeLimitPerProblem: seconds)
        } catch let error as GridDataError {
            throw CommandFailure(error, context: Message.text("cli.context.plan"))
        }
        clock.lap("load")
        let staffing: StaffingPlan
        do {
            staffing = try StaffingPlanner(ruleSet: ruleSet, threads: threads).plan(input)
        } catch {
            throw CommandFailure(error, context: plan.grids.path)
        }
        clock.lap("assign")
        try StaffingTableWriter(names: PlanNames(street: street, plan: input.plan)).write(staffing, into: folder)
        let cards = NoticeCardWriter(street: street, contacts: ruleSet.staffing.publicContacts)
        try folder.write("cards.html", text: cards.text(staffing.noticeCards(plan: input.plan)))
        try folder.writeWorkbook("staff.xlsx", first: "leaders.csv")
        clock.lap("write")
        let report = staffing.report(seed: seed, ruleSet: ruleSet.identity)
        try JobFiles.write(report: report, run: clock.record, into: folder)
        return JobOutcome(report: report, summary: Self.summary(staffing.kpis, written: written), written: written)
    }

    /// The line printed after a run: places, posts by role, cadre posts, pairings, shortfall and the solver's status.
    static func summary(_ kpis: StaffingKPIs, written: String) -> String {
        let places = Message.text(
            "cli.grids.counts",
            ["grids": "\(kpis.grids)", "micro_grids": "\(kpis.microGrids)", "special_grids": "\(kpis.specialGrids)"])
        func count(of post: LeaderRole) -> String {
            Message.text(
                "cli.staff.post_count", ["post": CodeNames.name(of: post), "count": "\(kpis.leaders[post.rawValue] ?? 0)"])
        }
        return Message.text(
            "cli.staff.summary",
            [
                "path": written, "places": places, "posts": Language.current.list(LeaderRole.allCases.map(count)),
                "cadre_posts": "\(kpis.cadrePosts)", "mentored": "\(kpis.mentored)",
                "reporting": "\(kpis.reportingPlaced)", "shortfall": "\(kpis.shortfallTotal)",
                "solver": kpis.solver["all"]?.status ?? "-",
            ])
    }
}
