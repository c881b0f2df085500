import ArgumentParser
import Foundation
import GridData
import GridModel
import GridRules
import Staffing

/// `wangge staff assign STREET_DIR --plan DIR --out DIR`: assigns every post of a plan from the rules.
struct StaffAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract:
            "Assign grid leaders and workers, micro-grid and building leaders, cadres, mentors, reporting members.",
        discussion: """
            Reads the street folder and the plan folder's grids.csv and writes leaders.csv, cadres.csv, \
            mentoring.csv, reporting.csv, shortfalls.csv, kpis.json and run.json to --out. Every row's reason cites \
            the rule ids it satisfies. When people are short, the plan keeps the minimum total shortfall, lists each \
            in shortfalls.csv and kpis.json, and the command exits 1. Without --current the street folder's own \
            leaders.csv and cadres.csv are used when present; without --locks its locks.csv.
            """
    )

    @Argument(help: "The street folder (buildings.csv, people.csv, residents.csv …).")
    var street: String

    @Option(help: ArgumentHelp("The plan folder holding grids.csv.", valueName: "dir"))
    var plan: String

    @Option(help: ArgumentHelp("Current staffing folder (leaders.csv, cadres.csv) to keep stable.", valueName: "dir"))
    var current: String?

    @Option(help: ArgumentHelp("Planner's locks (locks.csv columns).", valueName: "file"))
    var locks: String?

    @OptionGroup var rules: RuleSetOptions

    @Option(help: ArgumentHelp("Output folder (created if missing).", valueName: "dir"))
    var out: String

    @Option(help: "The year ages are computed in (default: this year).")
    var year: Int?

    @Option(name: .customLong("time-limit"), help: "Seconds per solver problem.")
    var timeLimit: Double = 20

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0 else {
            throw ValidationError("--time-limit \(timeLimit): expected a number of seconds > 0")
        }
    }

    func run() throws {
        let started = Date()
        var clock = JobClock(job: .staff)
        let streetURL = URL(fileURLWithPath: street)
        let loaded: Street
        do {
            loaded = try StreetLoader(directory: streetURL).load()
        } catch {
            throw CommandFailure.badInput(
                error.description + "\n\(error.totalCount) problem\(error.totalCount == 1 ? "" : "s") in \(street)")
        }
        let ruleSet = try rules.load()
        let reader = PlanFolderReader(street: loaded)
        let input: StaffingInput
        do {
            let rows = try reader.readGrids(in: URL(fileURLWithPath: plan))
            var posts: [StaffingPostRow] = []
            if let current {
                posts = try reader.readCurrentPosts(in: URL(fileURLWithPath: current))
            } else if FileManager.default.fileExists(atPath: streetURL.appendingPathComponent("leaders.csv").path) {
                posts = try reader.readCurrentPosts(in: streetURL)
            }
            let pins = try locks.map { try reader.readLocks(file: URL(fileURLWithPath: $0)) } ?? loaded.locks
            var scores: [PersonID: PersonScores] = [:]
            for row in try reader.readScores(streetDirectory: streetURL) {
                scores[row.personID] = PersonScores(ability: row.ability, enthusiasm: row.enthusiasm)
            }
            let thisYear = Calendar(identifier: .gregorian).component(.year, from: started)
            input = StaffingInput(
                street: loaded, plan: rows,
                currentPosts: posts.map {
                    CurrentPost(
                        role: $0.role, personID: $0.personID, gridID: $0.gridID, microGridID: $0.microGridID,
                        buildingID: $0.buildingID)
                },
                locks: pins, scores: scores, referenceYear: year ?? thisYear, timeLimitPerProblem: timeLimit)
        } catch let error as GridDataError {
            throw CommandFailure.badInput(error.description)
        }
        clock.lap("load")
        let staffing: StaffingPlan
        do {
            staffing = try StaffingPlanner(ruleSet: ruleSet).plan(input)
        } catch {
            switch error {
            case .solver: throw CommandFailure(.internalError, "staffing: \(error.description)")
            default: throw CommandFailure.badInput("\(plan): \(error.description)")
            }
        }
        clock.lap("assign")
        let outURL = URL(fileURLWithPath: out)
        do {
            try StaffOutputWriter(directory: outURL).write(staffing)
        } catch {
            throw CommandFailure(.internalError, "cannot write to \(out): \(error)")
        }
        clock.lap("write")
        try? PlanJSON.write(clock.record, to: outURL.appendingPathComponent("run.json"))
        for warning in staffing.warnings { StandardError.write("warning: \(warning.message)") }
        let kpis = staffing.kpis
        print(
            "staffed \(kpis.grids) grids, \(kpis.microGrids) micro-grids: "
                + LeaderRole.allCases.map { "\(kpis.leaders[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
                + "; \(kpis.cadrePosts) cadre posts; \(kpis.mentored) mentored; \(kpis.reportingPlaced) reporting; "
                + "shortfall \(kpis.shortfallTotal); solver \(kpis.solver["all"]?.status ?? "-")")
        guard staffing.isComplete else {
            let lines = staffing.shortfalls.prefix(20).map(\.message)
            let more =
                staffing.shortfalls.count > 20
                ? ["… and \(staffing.shortfalls.count - 20) more in shortfalls.csv"] : []
            throw CommandFailure(
                .ruleUnmet,
                (lines + more).joined(separator: "\n")
                    + "\nshort of people: \(kpis.shortfallTotal) missing (plan written to \(out))")
        }
    }
}
