import Foundation
import GridData
import GridModel
import Testing

@testable import GridDrawing

/// Grid labels on map.svg go inside their grid: the best site of each grid of the sample plan lies inside the grid's
/// own polygons (an even-odd test written here), and is no shallower than the grid's household-weighted centre
/// would be when that centre is inside.
@Suite struct MapLabelSiteTests {
    static func inside(_ point: PlanarPoint, _ ring: [PlanarPoint]) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            if (a.y > point.y) != (b.y > point.y), point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x {
                inside.toggle()
            }
            j = i
        }
        return inside
    }

    static func inside(_ point: PlanarPoint, _ shape: PlanFeature) -> Bool {
        shape.polygons.contains { polygon in
            guard let outer = polygon.first, inside(point, outer) else { return false }
            return !polygon.dropFirst().contains { inside(point, $0) }
        }
    }

    @Test func everyGridsBestLabelSiteIsInsideIt() throws {
        let street = try GridsGeoJSONValidityTests.street("sample-street")
        let plan = try GridsGeoJSONValidityTests.plan("sample-street", street)
        let shapes = GridPlanShapes(street: street, assignments: plan)
        let members = shapes.buildingsByGrid()
        var outside: [String] = [], shallower: [String] = []
        var grids = 0
        for shape in shapes.shapes where shape.level == "grid" {
            grids += 1
            let outline = GridPlanShapes.outline(of: shape)
            let sites = shapes.labelSites(of: members[shape.gridID] ?? [], outline: outline)
            guard let best = sites.first else {
                outside.append("\(shape.id): no site")
                continue
            }
            if !Self.inside(best, shape) { outside.append(shape.id) }
            func depth(_ p: PlanarPoint) -> Double { outline.map { GridPlanShapes.distance(p, to: $0) }.min() ?? 0 }
            if Self.inside(shape.centre, shape), depth(best) + 1e-9 < depth(shape.centre) - 150 {
                shallower.append(shape.id)
            }
        }
        #expect(grids > 40)
        #expect(outside.isEmpty, "best site outside its grid: \(outside)")
        // Sites are buildings; the centre may lie between them, up to a cell's radius deeper.
        #expect(shallower.isEmpty, "\(shallower)")
    }

    @Test func communityOutlinesSeparateCommunities() throws {
        let street = try GridsGeoJSONValidityTests.street("sample-street")
        let plan = try GridsGeoJSONValidityTests.plan("sample-street", street)
        let shapes = GridPlanShapes(street: street, assignments: plan)
        let outlines = shapes.communityBoundaries()
        #expect(Set(outlines.keys) == Set(street.buildings.map(\.communityID)))
        // A closed outline around a community's buildings is at least twice its extent's longer side long.
        for (community, segments) in outlines {
            let positions = street.buildings.filter { $0.communityID == community }.map(\.position)
            let width = (positions.map(\.x).max() ?? 0) - (positions.map(\.x).min() ?? 0)
            let height = (positions.map(\.y).max() ?? 0) - (positions.map(\.y).min() ?? 0)
            let length = segments.reduce(0) { $0 + $1.start.distance(to: $1.end) }
            #expect(length >= 2 * max(width, height), "\(community): \(length) m")
        }
    }
}
