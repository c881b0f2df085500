import ArgumentParser
import Foundation
import GridData
import GridDrawing
import GridModel
import GridRules

/// `wangge grids draw STREET_DIR --out DIR`: the two-level plan of a street with its files, figures and map.
struct GridsDrawCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Draw a street's grids and micro-grids (exit 1 when a rule is unmet, the nearest plan written).",
        discussion: """
            Writes grids.csv, grids.geojson, map.svg, kpis.json and run.json into --out (replaced whole at the \
            end) and prints a summary. \
            Household bounds, adjacency distances and objective weights come from the rules (overlays applied per \
            community). The current plan is the street's own grids.csv unless --current names a plan folder: a \
            community whose buildings, units and floors are unchanged and whose current rows meet every hard rule \
            keeps those rows verbatim, the others are drawn again (kpis.json's redraw says which and why). Locks \
            come from the street's locks.csv unless --locks names a file. Every rule missed is written to stderr \
            and kpis.json with where, why and by how much, and the command exits 1.
            """
    )

    @Argument(help: "The street folder (holding buildings.csv).")
    var street: String

    @OptionGroup var before: CurrentPlanOptions

    @OptionGroup var options: PlanningOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        var clock = JobClock(job: .grids)
        let ruleSet = try options.rules.load()
        clock.lap("rules")
        var street = try StreetInput.load(self.street, needs: .grids)
        try StreetInput.apply(current: before.current, locks: before.locks, to: &street)
        clock.lap("read")
        let job = GridsJobRun(
            ruleSet: ruleSet, seed: options.seed, threads: options.threads, deadline: options.deadline(),
            defaultBudget: options.timeLimitGiven == nil)
        let outcome = try JobOutput.write(to: options.out, privacy: .shareable) { output in
            try job.run(street: street, into: try JobOutput.part(output, "", written: options.out), clock: &clock)
        }
        try outcome.finish()
    }
}
