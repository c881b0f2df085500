import ArgumentParser
import Foundation
import GridData
import GridDrawing
import GridModel
import GridRules

/// `wangge grids draw STREET_DIR --out DIR`: the two-level plan of a street with its files, figures and map.
struct GridsDrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Draw a street's grids and micro-grids (exit 1 when a rule is unmet, the nearest plan written).",
        discussion: """
            Writes grids.csv, grids.geojson, map.svg, kpis.json and run.json into --out and prints a summary. \
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

    @OptionGroup var rules: RuleSetOptions

    @Option(
        help: ArgumentHelp("A previous plan folder holding grids.csv (default: the street's own).", valueName: "dir"))
    var current: String?

    @Option(help: ArgumentHelp("A locks file (default: the street's locks.csv).", valueName: "file"))
    var locks: String?

    @Option(help: "Seed of every random choice.")
    var seed: UInt64 = 1

    @Option(help: "Communities drawn at once.")
    var threads: Int = 2

    @Option(help: ArgumentHelp("The output folder (created if missing).", valueName: "dir"))
    var out: String

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        var clock = JobClock(job: .grids)
        let ruleSet = try rules.load()
        clock.lap("rules")
        var street: Street
        do {
            street = try StreetLoader(directory: URL(fileURLWithPath: self.street)).load()
            if let current {
                street.currentPlan = try PlanInputReader.readGrids(
                    directory: URL(fileURLWithPath: current), street: street)
            }
            if let locks {
                street.locks = try PlanInputReader.readLocks(file: URL(fileURLWithPath: locks), street: street)
            }
        } catch {
            throw CommandFailure.badInput(
                error.description + "\n\(error.totalCount) problem\(error.totalCount == 1 ? "" : "s") in the input; "
                    + "no plan was written.")
        }
        clock.lap("read")
        let outURL = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: outURL, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure.badInput("\(out): cannot create the output folder (\(error.localizedDescription))")
        }
        let job = GridJob(ruleSet: ruleSet, seed: seed, threads: threads)
        let result = job.run(street)
        clock.lap("draw")
        let kpis = GridPlanMeasures.measure(
            street: street, result: result, current: street.currentPlan, ruleSet: ruleSet)
        let report = kpis.report(
            findings: result.findings, warnings: result.warnings, seed: seed, ruleSet: ruleSet.identity)
        clock.lap("measure")
        let shapes = GridPlanShapes(street: street, assignments: result.assignments)
        clock.lap("shapes")
        try write(result: result, report: report, shapes: shapes, street: street, to: outURL)
        clock.lap("write")
        try PlanJSON.write(clock.record, to: outURL.appendingPathComponent("run.json"))
        print(summary(kpis, report: report, seconds: clock.total))
        for warning in result.warnings { StandardError.write("warning: \(warning)") }
        guard result.findings.isEmpty else {
            for finding in result.findings { StandardError.write("unmet: \(finding)") }
            let count = result.findings.count
            throw CommandFailure(
                .ruleUnmet,
                "\(count) rule\(count == 1 ? "" : "s") not met: the nearest acceptable plan was written to \(out)")
        }
    }

    private func write(
        result: GridJobResult, report: JobReport<GridPlanKPIs.Details>, shapes: GridPlanShapes, street: Street, to outURL: URL
    ) throws {
        try GridsCSVWriter.write(result.assignments, to: outURL.appendingPathComponent("grids.csv"))
        let features = shapes.shapes.map {
            PlanFeature(
                level: $0.level, id: $0.id, communityID: $0.communityID, gridID: $0.gridID, kind: $0.kind,
                households: $0.households, buildings: $0.buildings, polygons: $0.polygons)
        }
        try GridsGeoJSONWriter.write(
            features, projection: street.projection, to: outURL.appendingPathComponent("grids.geojson"))
        let boundaries = shapes.boundaries()
        let special = Set(result.assignments.filter { !$0.kind.isResidential }.map(\.gridID))
        let cells = shapes.buildings.indices.map { i in
            PlanMapSVG.Cell(
                polygon: shapes.cells.polygons[i], gridID: shapes.gridOf[i],
                special: shapes.gridOf[i].map(special.contains) ?? false)
        }
        let labels = shapes.shapes.filter { $0.level == "grid" }.map { (text: $0.id, at: $0.centre) }
        let svg = PlanMapSVG().render(
            cells: cells, gridBoundaries: boundaries.grid, microBoundaries: boundaries.microGrid,
            barriers: street.barriers, buildings: shapes.buildings.map(\.position), labels: labels)
        try Data(svg.utf8).write(to: outURL.appendingPathComponent("map.svg"))
        try PlanJSON.write(report, to: outURL.appendingPathComponent("kpis.json"))
    }

    private func summary(_ kpis: GridPlanKPIs, report: JobReport<GridPlanKPIs.Details>, seconds: Double) -> String {
        var lines = [
            "grids draw \(street) → \(out)",
            "  \(kpis.communities) communities, \(kpis.buildings) buildings, \(kpis.households) households",
            "  \(kpis.grids) grids, \(kpis.microGrids) micro-grids, \(kpis.specialGrids) special grids",
        ]
        if let spread = kpis.householdsPerGrid {
            lines.append("  households per grid \(spread.min)–\(spread.max) (mean \(spread.mean))")
        }
        lines.append(
            "  mean distance to grid centroid \(kpis.meanDistanceToGridCentroidM) m; "
                + "farthest \(kpis.maxDistanceToGridCentreM) m (walking \(kpis.maxWalkingDistanceToGridCentreM) m)")
        lines.append(
            "  compounds split \(kpis.compoundsSplit) (\(kpis.compoundsSplitThatFit) that fit one grid); "
                + "buildings split across micro-grids \(kpis.buildingsSplitAcrossMicroGrids)")
        if let stability = kpis.stability {
            lines.append(
                "  against the current plan: \(stability.householdsKept) of \(stability.householdsCompared) households "
                    + "kept their grid, \(stability.householdsMoved) moved, \(stability.gridsChanged) grids changed")
        }
        if let redraw = kpis.redraw {
            let redrawn = redraw.redrawn.map(\.communityID.rawValue)
            lines.append(
                "  communities kept verbatim: \(redraw.keptVerbatim.count); drawn again: \(redrawn.count)"
                    + (redrawn.isEmpty ? "" : " (\(redrawn.prefix(8).joined(separator: ", "))"
                        + (redrawn.count > 8 ? ", …; see kpis.json)" : ")")))
        }
        lines.append("  rules not met: \(report.findings.count); warnings: \(report.warnings.count)")
        lines.append("  rules: \(report.ruleSet.hash)")
        lines.append("  \(CSVNumber.fixed(seconds, places: 2)) s")
        return lines.joined(separator: "\n")
    }
}
