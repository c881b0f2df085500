import Districting
import GridModel
import PlanningSupport
import Testing

/// Special grids follow sites (grid.special_grid_sites), on hand-made communities whose answer is known.
@Suite struct SpecialGridGroupingTests {
    /// A community of one residential building, a row of `towers` office towers 40 m apart in site `Q9`, a school
    /// beside them, a lone shop next to a market of two buildings, and a lone shop far away.
    private func street(towers: Int) -> Street {
        var buildings = [Building(
            id: "C01-R", communityID: "C01", compoundID: "Q1", households: 400, position: PlanarPoint(x: 0, y: -200))]
        for index in 0..<towers {
            buildings.append(Building(
                id: BuildingID("C01-T\(index < 10 ? "0" : "")\(index)"), communityID: "C01", compoundID: "Q9",
                households: 0, position: PlanarPoint(x: Double(index % 8) * 40, y: Double(index / 8) * 40),
                kind: .commercial, floors: 30))
        }
        buildings.append(Building(
            id: "C01-SCHOOL", communityID: "C01", compoundID: "Q9", households: 0,
            position: PlanarPoint(x: -60, y: 0), kind: .school))
        buildings.append(Building(
            id: "C01-M1", communityID: "C01", compoundID: "Q5", households: 0, position: PlanarPoint(x: 400, y: 0),
            kind: .market))
        buildings.append(Building(
            id: "C01-M2", communityID: "C01", compoundID: "Q5", households: 0, position: PlanarPoint(x: 440, y: 0),
            kind: .market))
        buildings.append(Building(
            id: "C01-SHOP", communityID: "C01", households: 0, position: PlanarPoint(x: 480, y: 0), kind: .market))
        buildings.append(Building(
            id: "C01-FAR", communityID: "C01", households: 0, position: PlanarPoint(x: 3000, y: 3000), kind: .market))
        return Street(communities: [Community(id: "C01", name: "一社区")], buildings: buildings)
    }

    private func grids(_ street: Street, rule: SpecialSiteRule = SpecialSiteRule()) -> [GridID: Set<BuildingID>] {
        let result = StreetDistricting(parameters: StreetDistrictingParameters(specialSites: rule)).draw(street)
        var grids: [GridID: Set<BuildingID>] = [:]
        for row in result.assignments where row.gridID.rawValue.contains("-S") {
            grids[row.gridID, default: []].insert(row.buildingID)
        }
        return grids
    }

    @Test func aSiteIsOneGridTheSchoolStandsAloneAndALoneShopJoinsTheMarket() {
        let drawn = grids(street(towers: 40))
        let towers = drawn.values.filter { $0.contains("C01-T00") }
        #expect(towers.count == 1 && towers.first?.count == 40, "\(drawn)")
        #expect(drawn.values.contains(["C01-SCHOOL"]))
        #expect(drawn.values.contains(["C01-M1", "C01-M2", "C01-SHOP"]))
        #expect(drawn.values.contains(["C01-FAR"]))
        #expect(drawn.count == 4)
    }

    @Test func aCapCutsTheSiteIntoTheFewestContiguousParts() {
        let drawn = grids(street(towers: 40), rule: SpecialSiteRule(maxBuildingsPerGrid: 12))
        let parts = drawn.values.filter { $0.contains { $0.rawValue.hasPrefix("C01-T") } }
        #expect(parts.count == 4, "\(parts.map(\.count))")
        #expect(parts.allSatisfy { $0.count <= 12 })
        // Contiguous over pairs closer than 120 m (every pair the default adjacency joins on this lattice, whose
        // Delaunay edges are at most 57 m).
        for part in parts {
            let points = part.map { id -> (Int, Int) in
                let index = Int(id.rawValue.dropFirst(5)) ?? 0
                return (index % 8, index / 8)
            }
            var reached: Set<Int> = [0]
            var frontier = [0]
            while let next = frontier.popLast() {
                for (other, point) in points.enumerated() where !reached.contains(other) {
                    let (a, b) = (points[next], point)
                    let metres = (Double((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1))).squareRoot() * 40
                    if metres < 120 {
                        reached.insert(other)
                        frontier.append(other)
                    }
                }
            }
            #expect(reached.count == points.count, "a part of \(part.count) towers is not contiguous")
        }
    }

    @Test func floorsPerMicroGridCutsTowersIntoBands() {
        let result = StreetDistricting(parameters: StreetDistrictingParameters(
            specialSites: SpecialSiteRule(floorsPerMicroGrid: 10))).draw(street(towers: 3))
        let tower = result.assignments.filter { $0.buildingID == "C01-T00" }
        #expect(tower.compactMap(\.floors).map(\.description) == ["1-10", "11-20", "21-30"])
        #expect(Set(tower.compactMap(\.microGridID)).count == 3)
    }
}
