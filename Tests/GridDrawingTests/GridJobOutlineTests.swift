import GridModel
import Testing

@testable import GridDrawing

/// Grid outlines: the union of a group's Voronoi cells as rings, shared edges dissolved, holes kept. Cells are snapped
/// to the centimetre lattice first (``CellMesh``), so areas are compared with the snapped cells' exact areas.
@Suite struct GridJobOutlineTests {
    /// A 7 × 7 lattice, 40 m apart, slightly jittered so that no four sites are co-circular.
    static let points: [PlanarPoint] = {
        var generator = SplitMix64(seed: 11)
        return (0..<49).map { k in
            let jitter = { Double(generator.next() % 1_000) / 1_000 - 0.5 }
            return PlanarPoint(x: Double(k % 7) * 40 + jitter(), y: Double(k / 7) * 40 + jitter())
        }
    }()

    static func area(_ polygons: [[[PlanarPoint]]]) -> Double {
        polygons.reduce(0) { sum, rings in
            sum + rings.enumerated().reduce(0) { total, ring in
                total + (ring.offset == 0 ? 1 : -1) * abs(CellOutline.signedArea(ring.element))
            }
        }
    }

    /// The area (m²) of the snapped pieces `members`, exact.
    static func snappedArea(_ members: [Int], _ mesh: CellMesh) -> Double {
        Double(members.reduce(Int64(0)) { $0 + CellOutline.twiceSignedArea(mesh.pieces[$1]) }) / 2 / 10_000
    }

    @Test func snappingChangesACellsAreaByLessThanACentimetreAlongItsEdges() {
        let cells = VoronoiCells(points: Self.points, radius: 150)
        let mesh = CellMesh(pieces: cells.polygons)
        for (i, cell) in cells.polygons.enumerated() {
            let perimeter = cell.indices.reduce(0.0) { $0 + cell[$1].distance(to: cell[($1 + 1) % cell.count]) }
            let change = abs(Self.snappedArea([i], mesh) - abs(CellOutline.signedArea(cell)))
            #expect(change <= perimeter * 0.01, "cell \(i): area changed by \(change)")
        }
    }

    @Test func aBlockOfCellsHasOneOutlineOfTheirArea() {
        let cells = VoronoiCells(points: Self.points, radius: 150)
        // The 3 × 3 block in the middle.
        let block = [16, 17, 18, 23, 24, 25, 30, 31, 32]
        let outline = CellOutline.polygons(of: block, in: cells)
        #expect(outline.count == 1 && outline[0].count == 1, "\(outline.map(\.count))")
        let cellArea = Self.snappedArea(block, CellMesh(pieces: cells.polygons))
        #expect(abs(Self.area(outline) - cellArea) < 1e-9 * cellArea)
        #expect(CellOutline.signedArea(outline[0][0]) > 0)
        // Only the outer edges remain: far fewer vertices than the nine cells have.
        #expect(outline[0][0].count < block.reduce(0) { $0 + cells.polygons[$1].count } / 2)
        for site in block { #expect(CellOutline.contains(outline[0][0], Self.points[site])) }
    }

    @Test func aRingOfCellsHasAHole() {
        let cells = VoronoiCells(points: Self.points, radius: 150)
        let ring = [16, 17, 18, 23, 25, 30, 31, 32]
        let outline = CellOutline.polygons(of: ring, in: cells)
        #expect(outline.count == 1 && outline[0].count == 2, "\(outline.map(\.count))")
        guard outline.count == 1, outline[0].count == 2 else { return }
        #expect(CellOutline.signedArea(outline[0][1]) < 0)
        let hole = abs(CellOutline.signedArea(outline[0][1]))
        let mesh = CellMesh(pieces: cells.polygons)
        #expect(abs(hole - Self.snappedArea([24], mesh)) < 1e-9)
        #expect(CellOutline.contains(outline[0][1], Self.points[24]))
        let cellArea = Self.snappedArea(ring, mesh)
        #expect(abs(Self.area(outline) - cellArea) < 1e-9 * cellArea)
    }

    @Test(arguments: [1, 2, 3]) func outlinesOfAnyPartitionCoverTheirCellsExactly(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let points = (0..<120).map { _ in
            PlanarPoint(x: Double(generator.next() % 900), y: Double(generator.next() % 600))
        }
        let cells = VoronoiCells(points: points, radius: 150)
        let mesh = CellMesh(pieces: cells.polygons)
        // Groups by stripes and quadrants: connected or not, some wrapping others.
        let groups = Dictionary(grouping: points.indices) { i in
            Int(points[i].x / 300) * 10 + (Int(points[i].y / 200) + Int(points[i].x / 150)) % 3
        }
        for (_, members) in groups.sorted(by: { $0.key < $1.key }) {
            let outline = CellOutline.polygons(of: members, in: mesh)
            let cellArea = Self.snappedArea(members, mesh)
            #expect(abs(Self.area(outline) - cellArea) < 1e-9 * max(cellArea, 1), "\(members)")
            for site in members where !cells.polygons[site].isEmpty {
                let inside = outline.contains { rings in
                    CellOutline.contains(rings[0], points[site])
                        && !rings.dropFirst().contains { CellOutline.contains($0, points[site]) }
                }
                #expect(inside, "site \(site) outside its outline")
            }
        }
    }

    @Test(arguments: [[5, 3], [1, 9, 2], [40, 1, 1, 1, 1]]) func stripsPartitionACellAndTheFirstHoldsTheSite(
        weights: [Int]
    ) {
        let cells = VoronoiCells(points: Self.points, radius: 150)
        for site in [0, 24, 48] {
            let cell = cells.polygons[site]
            let strips = CellStrips.strips(of: cell, site: Self.points[site], weights: weights)
            #expect(strips.count == weights.count)
            #expect(CellOutline.contains(strips[0], Self.points[site]))
            let area = strips.reduce(0) { $0 + abs(CellOutline.signedArea($1)) }
            #expect(abs(area - abs(CellOutline.signedArea(cell))) < 1e-6)
            // Disjoint: no strip's interior point lies in another strip.
            for (k, strip) in strips.enumerated() where !strip.isEmpty {
                let inner = PlanarPoint(x: strip.map(\.x).reduce(0, +) / Double(strip.count),
                                        y: strip.map(\.y).reduce(0, +) / Double(strip.count))
                #expect(strips.indices.filter { CellOutline.contains(strips[$0], inner) } == [k])
            }
        }
    }

    /// B1 (120 households at the origin) split by units over M01, M02 and M03; B2 (40 households, `x` metres east)
    /// wholly in M03.
    private static func splitBuilding(secondBuildingAt x: Double) -> (Street, [GridAssignment]) {
        let street = Street(buildings: [
            Building(id: "B1", communityID: "C01", households: 120, position: PlanarPoint(x: 0, y: 0)),
            Building(id: "B2", communityID: "C01", households: 40, position: PlanarPoint(x: x, y: 0)),
        ])
        let rows = [
            GridAssignment(buildingID: "B1", unit: "1", households: 50, communityID: "C01", gridID: "C01-G01",
                           microGridID: "C01-G01-M01"),
            GridAssignment(buildingID: "B1", unit: "2", households: 40, communityID: "C01", gridID: "C01-G01",
                           microGridID: "C01-G01-M02"),
            GridAssignment(buildingID: "B1", unit: "3", households: 30, communityID: "C01", gridID: "C01-G01",
                           microGridID: "C01-G01-M03"),
            GridAssignment(buildingID: "B2", households: 40, communityID: "C01", gridID: "C01-G01",
                           microGridID: "C01-G01-M03"),
        ]
        return (street, rows)
    }

    @Test func everyMicroGridOfASplitBuildingHasAPolygon() {
        let (street, rows) = Self.splitBuilding(secondBuildingAt: 60)
        let shapes = GridPlanShapes(street: street, assignments: rows)
        let micros = shapes.shapes.filter { $0.level == "micro_grid" }
        #expect(micros.map(\.id) == ["C01-G01-M01", "C01-G01-M02", "C01-G01-M03"])
        #expect(micros.allSatisfy { !$0.polygons.isEmpty })
        #expect(micros.map(\.buildings) == [1, 1, 2])
        // M01 holds most of B1: its strip holds B1's point; M03 has B2's whole cell and a strip of B1's.
        #expect(micros[0].polygons.contains { CellOutline.contains($0[0], PlanarPoint(x: 0, y: 0)) })
        #expect(micros[2].polygons.count == 2)
        #expect(micros[2].polygons.contains { CellOutline.contains($0[0], PlanarPoint(x: 60, y: 0)) })
    }

    @Test func aStripNextToACellOfItsMicroGridJoinsIt() {
        // B1's cell is cut west to east into M02, M01 (its main one), M03; B2's cell, east of it, is all M03.
        let (street, rows) = Self.splitBuilding(secondBuildingAt: 200)
        let shapes = GridPlanShapes(street: street, assignments: rows)
        let m03 = shapes.shapes.filter { $0.id == "C01-G01-M03" }
        #expect(m03.count == 1 && m03[0].polygons.count == 1, "\(m03.map(\.polygons.count))")
        guard let polygon = m03.first?.polygons.first else { return }
        #expect(CellOutline.contains(polygon[0], PlanarPoint(x: 200, y: 0)))
        #expect(CellOutline.contains(polygon[0], PlanarPoint(x: 90, y: 0)))
        #expect(!CellOutline.contains(polygon[0], PlanarPoint(x: 0, y: 0)))
    }
}
