import Districting
import Foundation
import GridModel
import GridRules
import PlanningSupport
import Testing

@testable import GridDrawing

/// The grid job's own parts: rules into parameters per community, Voronoi cells, lock keeping, stability figures.
@Suite struct GridJobTests {
    static func overlay(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gridjob-overlay-\(ProcessInfo.processInfo.processIdentifier)-\(text.count).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static let c03SmallGrids = """
        overlay: c03-small-grids
        rules:
          - id: grid.households_per_grid
            scope: { community: [C03] }
            source: doczj-grid-160-255
            says: In community C03 a grid holds 160 to 255 households.
            parameters:
              households: { min: 160, max: 255 }
        """

    @Test func parametersComeFromTheRulesPerCommunity() throws {
        let rules = try RuleSet.builtIn(overlays: [try Self.overlay(Self.c03SmallGrids)])
        let job = GridJob(ruleSet: rules, seed: 9)
        let c03 = job.parameters(for: "C03"), c01 = job.parameters(for: "C01")
        #expect(c03.gridBounds == DistrictingBounds(min: 160, max: 255))
        #expect(c01.gridBounds == DistrictingBounds(min: 300, max: 500))
        #expect(c01.microBounds == DistrictingBounds(min: 30, max: 50))
        #expect(c01.adjacency == AdjacencyBuilder(delaunayMaxLength: 260, closeRadius: 120))
        #expect(c01.seed == 9)
        // stability 5 over compactness 1, at 400 m² per unit.
        #expect(c01.stabilityWeight == 5 * GridJob.squareMetresPerStabilityUnit)
    }

    /// Two communities of 20 buildings × 40 households on a 50 m lattice, far apart.
    static func street() -> Street {
        var buildings: [Building] = []
        for (c, community) in ["C01", "C03"].enumerated() {
            for b in 0..<20 {
                buildings.append(Building(
                    id: BuildingID("\(community)-B\(b < 10 ? "0" : "")\(b)"), communityID: CommunityID(community),
                    households: 40,
                    position: PlanarPoint(x: Double(c) * 2_000 + Double(b % 5) * 50, y: Double(b / 5) * 50)))
            }
        }
        return Street(communities: [Community(id: "C01"), Community(id: "C03")], buildings: buildings)
    }

    @Test func anOverlayCommunityIsDrawnWithItsOwnBounds() throws {
        let rules = try RuleSet.builtIn(overlays: [try Self.overlay(Self.c03SmallGrids)])
        let result = GridJob(ruleSet: rules).run(Self.street())
        var sizes: [GridID: Int] = [:]
        for row in result.assignments { sizes[row.gridID, default: 0] += row.households }
        let c03 = sizes.filter { $0.key.rawValue.hasPrefix("C03-") }
        let c01 = sizes.filter { $0.key.rawValue.hasPrefix("C01-") }
        #expect(c03.count == 4 && c03.values.allSatisfy { (160...255).contains($0) }, "\(c03)")
        #expect(c01.count == 2 && c01.values.allSatisfy { (300...500).contains($0) }, "\(c01)")
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(result.bounds["C03"]?.grid == 160...255)
        let c03Source = result.bounds["C03"]?.source ?? "", c01Source = result.bounds["C01"]?.source ?? ""
        #expect(c03Source.contains("gridjob-overlay"), "\(c03Source)")
        #expect(c01Source.contains("grid.yaml"), "\(c01Source)")
    }

    @Test func anInfeasibleCommunityIsStatedWithItsRule() throws {
        var street = Self.street()
        street.buildings = street.buildings.filter { $0.communityID == "C01" }.prefix(13).map { $0 }
        let result = GridJob(ruleSet: try RuleSet.builtIn()).run(street)
        #expect(result.assignments.reduce(0) { $0 + $1.households } == 520)
        #expect(result.findings.contains { $0.ruleID == "grid.households_per_grid" && $0.communityID == "C01" })
    }

    @Test func voronoiCellsContainTheirSitesAndDoNotOverlap() {
        var generator = SplitMix64(seed: 3)
        let points = (0..<80).map { _ in
            PlanarPoint(x: Double(generator.next() % 1_000), y: Double(generator.next() % 700))
        }
        let cells = VoronoiCells(points: points, radius: 150)
        func inside(_ polygon: [PlanarPoint], _ p: PlanarPoint) -> Bool {
            guard polygon.count >= 3 else { return false }
            for k in polygon.indices {
                let a = polygon[k], b = polygon[(k + 1) % polygon.count]
                if (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) < -1e-9 { return false }
            }
            return true
        }
        var seen = Set<String>()
        for (i, point) in points.enumerated() where seen.insert("\(point.x),\(point.y)").inserted {
            #expect(inside(cells.polygons[i], point), "cell \(i) misses its site")
        }
        for x in stride(from: -150.3, to: 1_150, by: 17.1) {
            for y in stride(from: -150.7, to: 850, by: 17.3) {
                let owners = cells.polygons.indices.filter { inside(cells.polygons[$0], PlanarPoint(x: x, y: y)) }
                #expect(owners.count <= 1, "(\(x), \(y)) in cells \(owners)")
                if let owner = owners.first {
                    let distance = points[owner].distance(to: PlanarPoint(x: x, y: y))
                    #expect(points.allSatisfy { $0.distance(to: PlanarPoint(x: x, y: y)) >= distance - 1e-6 })
                }
            }
        }
    }

    @Test func aLockRenamesTheGridHoldingItsBuilding() {
        var rows = [
            GridAssignment(buildingID: "B1", households: 10, communityID: "C01", gridID: "C01-G01",
                           microGridID: "C01-G01-M01"),
            GridAssignment(buildingID: "B2", households: 10, communityID: "C01", gridID: "C01-G02",
                           microGridID: "C01-G02-M01"),
            GridAssignment(buildingID: "B3", households: 10, communityID: "C01", gridID: "C01-G02",
                           microGridID: "C01-G02-M02"),
        ]
        let buildings = ["B1", "B2", "B3"].map {
            Building(id: BuildingID($0), communityID: "C01", households: 10, position: PlanarPoint(x: 0, y: 0))
        }
        let keeper = LockKeeper(locks: [
            PlanLock(subject: .building("B1"), gridID: "C01-G02"),
            PlanLock(subject: .building("B3"), microGridID: "C01-G01-M01"),
        ], buildings: buildings)
        let unmet = keeper.apply(to: &rows)
        #expect(unmet.isEmpty, "\(unmet)")
        #expect(rows[0].gridID == "C01-G02" && rows[0].microGridID == "C01-G02-M01")
        #expect(rows[2].gridID == "C01-G01" && rows[2].microGridID == "C01-G01-M01")
        #expect(rows[1].microGridID == "C01-G01-M02")
        // A lock to another community's code cannot be met by renaming and is stated.
        var again = rows
        let foreign = LockKeeper(locks: [PlanLock(subject: .building("B2"), gridID: "C09-G01")], buildings: buildings)
        let stated = foreign.apply(to: &again)
        #expect(stated.count == 1 && stated[0].ruleID == LockKeeper.ruleID && stated[0].amount == 10)
    }

    @Test func stabilityCountsHouseholdsKeptAndGridsChanged() {
        let before = [
            GridAssignment(buildingID: "B1", households: 100, communityID: "C01", gridID: "C01-G01", microGridID: nil),
            GridAssignment(buildingID: "B2", households: 50, communityID: "C01", gridID: "C01-G01", microGridID: nil),
            GridAssignment(buildingID: "B3", households: 70, communityID: "C02", gridID: "C02-G01", microGridID: nil),
        ]
        var after = before
        after[1].gridID = "C01-G02"
        after.append(GridAssignment(buildingID: "B4", households: 9, communityID: "C01", gridID: "C01-G02",
                                    microGridID: nil))
        let stability = GridPlanMeasures.stability(current: before, new: after)
        #expect(stability.householdsCompared == 220)
        #expect(stability.householdsKept == 170)
        #expect(stability.householdsMoved == 50)
        #expect(stability.changedGrids == ["C01-G01", "C01-G02"])
        #expect(stability.communitiesChanged == ["C01"])
    }
}
