import Foundation
import GridData
import GridDrawing
import GridModel
import GridRules
import PlanningSupport

/// One run of the grid job: draws the street's grids and writes grids.csv, grids.geojson, map.svg, kpis.json and
/// run.json into a folder.
struct GridsJobRun {
    let ruleSet: RuleSet
    let seed: UInt64
    let threads: Int
    /// The run's budget (--time-limit).
    let deadline: Deadline
    /// Whether the budget is the default one (no --time-limit): the drawing then also stops at
    /// ``defaultSecondsPerStreet`` per 20,000 households, so a street ends within a minute whatever the rules.
    var defaultBudget = false

    /// Draws `street` (its current plan and locks already read) into `folder`.
    func run(street: Street, into folder: JobFolder, clock: inout JobClock) throws -> JobOutcome {
        let written = folder.written
        // The drawing may use most of what is left; the rest is kept for measuring, shapes and writing.
        let households = street.buildings.reduce(0) { $0 + $1.households }
        let allowance = defaultBudget
            ? Self.defaultSecondsPerStreet * max(1, Double(households) / Self.householdsPerStreet) : .infinity
        let drawingSeconds = max(0.1, min(deadline.remaining * Self.drawingShare, allowance))
        let drawing = Deadline(seconds: drawingSeconds)
        let result = GridJob(ruleSet: ruleSet, seed: seed, threads: threads).run(street, deadline: drawing)
        clock.lap("draw")
        for community in result.clockCut {
            clock.record(.searchCut(stage: "grids \(community)", seconds: (drawingSeconds * 1000).rounded() / 1000))
        }
        let kpis = GridPlanMeasures.measure(
            street: street, result: result, current: street.currentPlan, ruleSet: ruleSet, threads: threads)
        let report = kpis.report(
            findings: result.findings, warnings: result.warnings, seed: seed, ruleSet: ruleSet.identity)
        clock.lap("measure")
        let shapes = GridPlanShapes(street: street, assignments: result.assignments)
        clock.lap("shapes")
        try writePlan(result: result, shapes: shapes, street: street, into: folder)
        try folder.writeWorkbook("grids.xlsx", first: "grids.csv")
        clock.lap("write")
        try JobFiles.write(report: report, run: clock.record, into: folder)
        return JobOutcome(
            report: report,
            summary: summary(
                kpis, report: report, seconds: clock.total, written: written, placed: street.projection != nil),
            written: written)
    }

    /// The share of the budget left at the start that the drawing may use.
    static let drawingShare = 0.8
    /// The drawing's allowance without --time-limit, per street of `householdsPerStreet` households: a street with
    /// the shipped rules draws in under 10 s on two cores; rules that make the search explode stop here.
    static let defaultSecondsPerStreet = 45.0, householdsPerStreet = 20_000.0

    private func writePlan(
        result: GridJobResult, shapes: GridPlanShapes, street: Street, into folder: JobFolder
    ) throws {
        try GridsCSVWriter.write(result.assignments, to: folder.url("grids.csv"), privacy: folder.privacy)
        try folder.write("grids.geojson", text: GridsGeoJSONWriter.text(shapes.shapes, projection: street.projection))
        let svg = PlanMapSVG().render(Self.mapContent(result: result, shapes: shapes, street: street))
        try folder.write("map.svg", text: svg)
    }

    /// What map.svg shows: the street's name as its title, its figures, every cell, outline and barrier, and a label
    /// for each grid (code and short name, at the building deepest inside it) and each community.
    static func mapContent(result: GridJobResult, shapes: GridPlanShapes, street: Street) -> PlanMapSVG.Content {
        let boundaries = shapes.boundaries()
        let special = Set(result.assignments.filter { !$0.kind.isResidential }.map(\.gridID))
        let cells = shapes.buildings.indices.map { i in
            PlanMapSVG.Cell(
                polygon: shapes.cells.polygons[i], gridID: shapes.gridOf[i],
                special: shapes.gridOf[i].map(special.contains) ?? false)
        }
        let communityNames = Dictionary(
            street.communities.map { ($0.id, $0.name ?? $0.id.rawValue) }, uniquingKeysWith: { a, _ in a })
        let members = shapes.buildingsByGrid()
        var labels: [PlanMapSVG.Label] = []
        var grids = 0, specialGrids = 0, microGrids = 0
        for shape in shapes.shapes {
            guard shape.level == "grid" else {
                microGrids += 1
                continue
            }
            let isSpecial = special.contains(shape.gridID)
            if isSpecial { specialGrids += 1 } else { grids += 1 }
            let sites = shapes.labelSites(
                of: members[shape.gridID] ?? [], outline: GridPlanShapes.outline(of: shape))
            let community = communityNames[shape.communityID] ?? shape.communityID.rawValue
            let name = GridName(grid: shape.gridID, communityName: community).chinese
            let short = name.hasPrefix(community) ? String(name.dropFirst(community.count)) : name
            labels.append(PlanMapSVG.Label(
                lines: isSpecial ? [shape.id] : [shape.id, short], sites: sites.isEmpty ? [shape.centre] : sites,
                style: isSpecial ? .specialGrid : .grid))
        }
        let outlines = shapes.communityBoundaries()
        var communityMembers: [CommunityID: [Int]] = [:]
        for (i, building) in shapes.buildings.enumerated() {
            communityMembers[building.communityID, default: []].append(i)
        }
        for (community, indices) in communityMembers.sorted(by: { $0.key < $1.key }) {
            let sites = shapes.labelSites(of: indices, outline: outlines[community] ?? [], limit: 60)
            guard !sites.isEmpty else { continue }
            labels.append(PlanMapSVG.Label(
                lines: [communityNames[community] ?? community.rawValue], sites: sites, style: .community))
        }
        // An edge between two communities is listed under both: draw it once.
        var communitySegments: [Segment] = [], drawn: Set<Segment> = []
        for (_, segments) in outlines.sorted(by: { $0.key < $1.key }) {
            for segment in segments where drawn.insert(segment).inserted { communitySegments.append(segment) }
        }
        let households = street.buildings.reduce(0) { $0 + $1.households }
        let summary = "\(communityMembers.count) 个社区 communities · \(grids) 个网格 grids · "
            + "\(specialGrids) 个专属网格 special grids · \(microGrids) 个微网格 micro-grids · "
            + "\(households) 户 households"
        return PlanMapSVG.Content(
            title: "\(street.name ?? "") 网格划分图 Grid map".trimmingCharacters(in: .whitespaces), summary: summary,
            cells: cells, gridBoundaries: boundaries.grid, microBoundaries: boundaries.microGrid,
            communityBoundaries: communitySegments, barriers: street.barriers,
            buildings: shapes.buildings.map(\.position), labels: labels)
    }

    /// The lines printed after a run; `placed` is false when the street's x, y metres have no origin, so that
    /// grids.geojson is in those metres rather than WGS84 (said here, not as a kpis.json warning: the plan is fine).
    private func summary(
        _ kpis: GridPlanKPIs, report: JobReport<GridPlanKPIs.Details>, seconds: Double, written: String, placed: Bool
    ) -> String {
        var lines = [
            Message.text("cli.grids.written", ["path": written]),
            "  " + Message.text(
                "cli.grids.sizes",
                [
                    "communities": "\(kpis.communities)", "buildings": "\(kpis.buildings)",
                    "households": "\(kpis.households)",
                ]),
            "  " + Message.text(
                "cli.grids.counts",
                [
                    "grids": "\(kpis.grids)", "micro_grids": "\(kpis.microGrids)",
                    "special_grids": "\(kpis.specialGrids)",
                ]),
        ]
        if let spread = kpis.householdsPerGrid {
            lines.append(
                "  " + Message.text(
                    "cli.grids.households_per_grid",
                    ["min": "\(spread.min)", "max": "\(spread.max)", "mean": "\(spread.mean)"]))
        }
        lines.append(
            "  " + Message.text(
                "cli.grids.distance",
                [
                    "mean": "\(kpis.meanDistanceToGridCentroidM)", "farthest": "\(kpis.maxDistanceToGridCentreM)",
                    "walking": "\(kpis.maxWalkingDistanceToGridCentreM)",
                ]))
        lines.append(
            "  " + Message.text(
                "cli.grids.certificate",
                [
                    "bound": "\(kpis.meanDistanceLowerBoundM)",
                    "gap": CSVNumber.fixed(kpis.meanDistanceGap * 100, places: 1),
                ]))
        lines.append(
            "  " + Message.text(
                "cli.grids.splits",
                [
                    "compounds": "\(kpis.compoundsSplit)", "fit": "\(kpis.compoundsSplitThatFit)",
                    "buildings": "\(kpis.buildingsSplitAcrossMicroGrids)",
                ]))
        if let stability = kpis.stability {
            lines.append(
                "  " + Message.text(
                    "cli.grids.stability",
                    [
                        "kept": "\(stability.householdsKept)", "compared": "\(stability.householdsCompared)",
                        "moved": "\(stability.householdsMoved)", "changed": "\(stability.gridsChanged)",
                    ]))
        }
        if let redraw = kpis.redraw {
            let redrawn = redraw.redrawn.map(\.communityID.rawValue)
            let shown = Language.current.list(redrawn.prefix(8))
            let list =
                redrawn.isEmpty
                ? ""
                : redrawn.count > 8
                    ? Message.text("cli.grids.redraw_list_more", ["ids": shown])
                    : Message.text("cli.grids.redraw_list", ["ids": shown])
            lines.append(
                "  " + Message.text(
                    "cli.grids.redraw",
                    ["kept": "\(redraw.keptVerbatim.count)", "redrawn": "\(redrawn.count)", "list": list]))
        }
        if !placed {
            lines.append("  " + Message.text("cli.grids.not_placed"))
        }
        lines.append(
            "  " + Message.text(
                "cli.grids.findings",
                ["findings": "\(report.findings.count)", "warnings": "\(report.warnings.count)"]))
        lines.append("  " + Message.text("cli.grids.rules", ["identity": report.ruleSet.hash]))
        lines.append("  " + Counted.seconds(CSVNumber.fixed(seconds, places: 2)))
        return lines.joined(separator: "\n")
    }
}
