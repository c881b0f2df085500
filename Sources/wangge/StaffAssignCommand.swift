import ArgumentParser
import Foundation
import GridData
import GridModel
import GridRules
import Staffing

/// `wangge staff assign STREET_DIR --plan DIR --out DIR`: assigns every post of a plan from the rules.
struct StaffAssignCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract:
            "Assign grid leaders and workers, micro-grid and building leaders, cadres, mentors, reporting members.",
        discussion: """
            Reads the street folder and the plan's grids.csv and writes leaders.csv, cadres.csv, mentoring.csv, \
            reporting.csv, shortfalls.csv, kpis.json and run.json to --out (replaced whole at the end). Ages are \
            counted in the year of --week or --as-of. Every row's reason cites \
            the rule ids it satisfies. When people are short, the plan keeps the minimum total shortfall, lists each \
            in shortfalls.csv and kpis.json, and the command exits 1. Without --current the street folder's own \
            leaders.csv and cadres.csv are used when present; without --locks its locks.csv.
            """
    )

    @Argument(help: "The street folder (buildings.csv, people.csv, residents.csv …).")
    var street: String

    @Option(
        help: ArgumentHelp(
            "The plan: a folder from `wangge plan` (grids/grids.csv) or one holding grids.csv.", valueName: "dir"))
    var plan: String

    @OptionGroup var before: CurrentPlanOptions

    @OptionGroup var date: PlanDateOptions

    @OptionGroup var options: PlanningOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        var clock = JobClock(job: .staff)
        let deadline = options.deadline()
        let referenceYear = try date.referenceYear()
        let ruleSet = try options.rules.load()
        clock.lap("rules")
        let streetURL = URL(fileURLWithPath: street)
        let loaded = try StreetInput.load(street, needs: .staffing)
        let job = StaffJobRun(
            ruleSet: ruleSet, seed: options.seed, threads: options.threads, deadline: deadline,
            referenceYear: referenceYear)
        let outcome = try JobOutput.write(to: options.out, privacy: .shareable) { output in
            try job.run(
                street: loaded, streetURL: streetURL, plan: PlanFolderLayout(folder: URL(fileURLWithPath: plan)),
                current: before.current.map { PlanFolderLayout(folder: URL(fileURLWithPath: $0)).staff },
                locks: before.locks,
                into: try JobOutput.part(output, "", written: options.out), clock: &clock)
        }
        try outcome.finish()
    }
}
