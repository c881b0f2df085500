import Foundation
import GridData
import GridModel
import GridRules
import GridSynthesis
import Testing

@testable import GridDrawing

/// grids.geojson as written, judged by ``PolygonValidityCheck`` (which shares no code with the shape builder):
/// every grid and micro-grid a valid MultiPolygon, grids tiling their community, micro-grids tiling their grid.
/// Seeds 1–5 at 20,000 households run in Benchmarks/scripts/geojson_validity.sh (too slow for a debug test).
@Suite struct GridsGeoJSONValidityTests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The street named: the sample street, or `generated-SEED-HOUSEHOLDS`.
    static func street(_ name: String) throws -> Street {
        let parts = name.split(separator: "-")
        if parts.first == "generated", parts.count == 3, let seed = UInt64(parts[1]), let households = Int(parts[2]) {
            return try StreetGenerator(seed: seed, households: households).generate()
        }
        return try StreetLoader.load(from: repository.appendingPathComponent("Scenarios/\(name)"))
    }

    /// A plan of the street: for the sample street the committed plan of the staffing fixtures (drawn by the grid
    /// job, 72 buildings split between micro-grids; the job itself takes a minute in a debug build), for a generated
    /// street the grid job's.
    static func plan(_ name: String, _ street: Street) throws -> [GridAssignment] {
        guard name == "sample-street" else {
            return GridJob(ruleSet: try RuleSet.builtIn(), seed: 1).run(street).assignments
        }
        return try PlanFolderReader(street: street).readGrids(
            in: repository.appendingPathComponent("Tests/PlanningTestFixtures/Fixtures/staffing/sample-plan"))
    }

    @Test(arguments: ["sample-street", "generated-3-3000"])
    func everyPolygonIsValidAndGridsTileTheirCommunity(streetName: String) throws {
        let street = try Self.street(streetName)
        let assignments = try Self.plan(streetName, street)
        let shapes = GridPlanShapes(street: street, assignments: assignments)
        let text = GridsGeoJSONWriter.text(shapes.shapes, projection: nil)
        let features = try PolygonValidityCheck.features(geoJSON: text)
        #expect(features.count == shapes.shapes.count)
        let grids = features.filter { $0.level == "grid" }, micros = features.filter { $0.level == "micro_grid" }
        #expect(!grids.isEmpty && !micros.isEmpty)

        // Each feature on its own.
        var invalid: [String] = []
        for feature in features {
            if feature.polygons.isEmpty { invalid.append("\(feature.id): no polygon") }
            let problems = PolygonValidityCheck.problems(of: feature)
            if !problems.isEmpty { invalid.append("\(feature.id): \(problems.prefix(3).joined(separator: "; "))") }
        }
        #expect(invalid.isEmpty, "\(invalid.count) invalid: \(invalid.prefix(5))")

        // No two grids overlap anywhere in the street, nor two micro-grids.
        let gridCoverage = PolygonValidityCheck.coverage(grids.map { ($0, 1) })
        #expect(gridCoverage.overlap < 1e-6 * gridCoverage.covered, "grids overlap over \(gridCoverage.overlap) m²")
        #expect(gridCoverage.negative == 0)
        let microCoverage = PolygonValidityCheck.coverage(micros.map { ($0, 1) })
        #expect(
            microCoverage.overlap < 1e-6 * microCoverage.covered, "micro-grids overlap \(microCoverage.overlap) m²")

        // A community's grids cover its buildings' cells: the same area, up to a centimetre along the cells' edges.
        var cellArea: [String: Double] = [:], cellSlack: [String: Double] = [:]
        let communityOfGrid = Dictionary(grids.map { ($0.gridID, $0.communityID) }, uniquingKeysWith: { a, _ in a })
        for (i, cell) in shapes.cells.polygons.enumerated() where !cell.isEmpty {
            guard let grid = shapes.gridOf[i], let community = communityOfGrid[grid.rawValue] else { continue }
            var twice = 0.0, perimeter = 0.0
            for k in cell.indices {
                let a = cell[k], b = cell[(k + 1) % cell.count]
                twice += a.x * b.y - b.x * a.y
                perimeter += ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            }
            cellArea[community, default: 0] += abs(twice) / 2
            cellSlack[community, default: 0] += perimeter * 0.01
        }
        for (community, members) in Dictionary(grouping: grids, by: \.communityID).sorted(by: { $0.key < $1.key }) {
            let sum = members.reduce(0) { $0 + PolygonValidityCheck.area($1) }
            let union = PolygonValidityCheck.coverage(members.map { ($0, 1) }).covered
            #expect(abs(sum - union) <= 1e-6 * union, "\(community): grids sum to \(sum) m², their union \(union) m²")
            let cells = cellArea[community] ?? 0
            #expect(abs(sum - cells) <= cellSlack[community] ?? 0, "\(community): grids \(sum) m², cells \(cells) m²")
        }

        // Where every building of a grid lies wholly in its micro-grids, the micro-grids tile the grid exactly.
        var rowsOfBuilding: [BuildingID: [GridAssignment]] = [:]
        for row in assignments { rowsOfBuilding[row.buildingID, default: []].append(row) }
        var untidy = Set<String>()
        for rows in rowsOfBuilding.values {
            guard Set(rows.map(\.gridID)).count > 1 || rows.contains(where: { $0.microGridID == nil }) else { continue }
            for row in rows { untidy.insert(row.gridID.rawValue) }
        }
        let microsOfGrid = Dictionary(grouping: micros, by: \.gridID)
        var tidy = 0
        for grid in grids where !untidy.contains(grid.gridID) {
            tidy += 1
            let parts = [(grid, 1)] + (microsOfGrid[grid.gridID] ?? []).map { ($0, -1) }
            let difference = PolygonValidityCheck.coverage(parts).nonZero
            #expect(
                difference <= 1e-6 * PolygonValidityCheck.area(grid),
                "\(grid.id): micro-grids differ by \(difference) m²")
        }
        #expect(tidy > grids.count / 2, "only \(tidy) of \(grids.count) grids have all buildings in micro-grids")
    }

    /// The same plan gives the same bytes, whatever the order of its rows.
    @Test func theFileIsTheSameForTheSameInput() throws {
        let street = try Self.street("sample-street")
        let assignments = try Self.plan("sample-street", street)
        let first = GridsGeoJSONWriter.text(
            GridPlanShapes(street: street, assignments: assignments).shapes, projection: nil)
        let second = GridsGeoJSONWriter.text(
            GridPlanShapes(street: street, assignments: assignments.reversed()).shapes, projection: nil)
        #expect(first == second)
    }
}
