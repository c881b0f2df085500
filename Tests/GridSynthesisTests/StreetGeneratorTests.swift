import Foundation
import GridModel
import Testing

@testable import GridSynthesis

/// Structure and integrity of a generated street, checked from the `Street` values with the tests' own
/// counting (nothing here reuses the generator's counters).
@Suite struct StreetGeneratorTests {
    let street = GeneratedStreets.sample

    @Test func householdsTotalIsWithinTwoPercentOfTheRequest() {
        let total = street.buildings.reduce(0) { $0 + $1.households }
        #expect(abs(Double(total - GeneratedStreets.households)) <= 0.02 * Double(GeneratedStreets.households))
    }

    @Test func communitiesHoldOneToThreeThousandHouseholdsAndHaveBuildings() {
        #expect(street.communities.count == GeneratedStreets.communities)
        for community in street.communities {
            let buildings = street.buildings.filter { $0.communityID == community.id }
            #expect(!buildings.isEmpty, "community \(community.id) has no buildings")
            let households = buildings.reduce(0) { $0 + $1.households }
            #expect((1_000...3_000).contains(households), "community \(community.id): \(households) households")
            #expect(community.name?.hasSuffix("社区") == true)
            #expect(community.code?.count == 12 && community.code?.allSatisfy(\.isNumber) == true)
        }
    }

    @Test(arguments: [3_000, 9_999, 45_000])
    func everySizeGivesCommunitiesInRange(households: Int) throws {
        let generated = try StreetGenerator(seed: 5, households: households).generate()
        #expect(generated.households == households)
        var perCommunity: [CommunityID: Int] = [:]
        for building in generated.buildings { perCommunity[building.communityID, default: 0] += building.households }
        #expect(perCommunity.count == generated.communities.count)
        #expect(perCommunity.values.allSatisfy { (1_000...3_000).contains($0) })
    }

    @Test func impossibleRequestsThrowClearErrors() {
        #expect(throws: GridSynthesisError.self) { try StreetGenerator(seed: 1, households: 999).generate() }
        #expect(throws: GridSynthesisError.self) {
            try StreetGenerator(seed: 1, households: 20_000, communityCount: 3).generate()
        }
        #expect(throws: GridSynthesisError.self) {
            try StreetGenerator(seed: 1, households: 20_000, communityCount: 21).generate()
        }
    }

    @Test func unitsAddUpToTheirBuilding() {
        var unitTotals: [BuildingID: Int] = [:]
        var unitCounts: [BuildingID: Int] = [:]
        for unit in street.units {
            unitTotals[unit.buildingID, default: 0] += unit.households
            unitCounts[unit.buildingID, default: 0] += 1
            #expect(unit.households >= 0)
        }
        for building in street.buildings {
            #expect(unitTotals[building.id] == building.households, "building \(building.id)")
            #expect(unitCounts[building.id] == building.unitCount, "building \(building.id)")
        }
    }

    @Test func buildingShapesMatchTheirCompoundType() {
        for building in street.buildings {
            guard let type = building.compoundType, let floors = building.floors, let units = building.unitCount else {
                continue
            }
            switch type {
            case .old:
                #expect((5...7).contains(floors) && (2...4).contains(units))
                #expect(building.households <= floors * units * 2)
            case .residential:
                #expect((11...33).contains(floors) && (1...2).contains(units))
                #expect(building.households <= floors * units * 4)
            case .commercial:
                #expect(building.kind == .commercial && building.households == 0)
            case .village, .transitional:
                #expect(floors <= 4 && building.households <= 12)
            default:
                break
            }
        }
        let kinds = Set(street.buildings.map(\.kind))
        #expect(kinds.isSuperset(of: [.residential, .commercial, .school, .hospital]))
        #expect(street.buildings.filter { !$0.kind.isResidential }.allSatisfy { $0.households == 0 })
    }

    @Test func idsAreUniqueAndSorted() {
        func check<T: Comparable & Hashable>(_ ids: [T], _ label: String) {
            #expect(Set(ids).count == ids.count, "duplicate \(label) ids")
            #expect(ids == ids.sorted(), "\(label) not sorted by id")
        }
        check(street.communities.map(\.id), "community")
        check(street.buildings.map(\.id), "building")
        check(street.people.map(\.id), "person")
        check(street.residents.map(\.id), "resident")
        check(street.departments.map(\.id), "department")
    }

    @Test func everyReferencedIdExists() {
        let communities = Set(street.communities.map(\.id))
        let buildings = Dictionary(uniqueKeysWithValues: street.buildings.map { ($0.id, $0) })
        let people = Set(street.people.map(\.id))
        let departments = Set(street.departments.map(\.id))
        #expect(departments.count >= 10 && departments.count <= 14)
        for building in street.buildings {
            #expect(communities.contains(building.communityID))
            if let compound = building.compoundID {
                #expect(compound.rawValue.hasPrefix(building.communityID.rawValue + "-"))
                #expect(building.id.rawValue.hasPrefix(compound.rawValue + "-"))
            }
        }
        for unit in street.units { #expect(buildings[unit.buildingID] != nil) }
        for person in street.people {
            if case .building(let home) = person.home { #expect(buildings[home] != nil, "\(person.id) home") }
            if let community = person.communityID { #expect(communities.contains(community)) }
            if let department = person.departmentID { #expect(departments.contains(department)) }
        }
        for resident in street.residents {
            let building = buildings[resident.buildingID]
            #expect(building != nil && (building?.households ?? 0) > 0, "\(resident.id) building")
            if let paired = resident.pairedPersonID { #expect(people.contains(paired)) }
            if let floor = resident.floor, let floors = building?.floors { #expect((1...floors).contains(floor)) }
            if let unit = resident.unit, let count = building?.unitCount {
                #expect((1...count).contains(Int(unit) ?? 0))
            }
        }
    }

    @Test func noBarrierCrossesACompound() {
        var boxes: [CompoundID: (minX: Double, minY: Double, maxX: Double, maxY: Double)] = [:]
        for building in street.buildings {
            guard let compound = building.compoundID else { continue }
            let p = building.position
            let box = boxes[compound] ?? (p.x, p.y, p.x, p.y)
            boxes[compound] = (min(box.minX, p.x), min(box.minY, p.y), max(box.maxX, p.x), max(box.maxY, p.y))
        }
        #expect(street.barriers.count >= 4)
        for segment in street.barriers {
            for (compound, box) in boxes {
                #expect(!Geometry.segment(segment, crosses: box), "barrier \(segment) crosses \(compound)")
            }
        }
    }

    @Test func barriersSeparateCommunities() {
        // Walking from one community's building to another's crosses a road in most cases: communities are
        // blocks bounded by arterials. Check that some barrier lies between every pair of community centroids.
        var sums: [CommunityID: (x: Double, y: Double, n: Double)] = [:]
        for building in street.buildings {
            let s = sums[building.communityID] ?? (0, 0, 0)
            sums[building.communityID] = (s.x + building.position.x, s.y + building.position.y, s.n + 1)
        }
        let centres = sums.mapValues { PlanarPoint(x: $0.x / $0.n, y: $0.y / $0.n) }
        let ids = centres.keys.sorted()
        for (i, a) in ids.enumerated() {
            for b in ids[(i + 1)...] {
                let path = Segment(start: centres[a]!, end: centres[b]!)
                #expect(street.barriers.contains { $0.intersects(path) }, "no road between \(a) and \(b)")
            }
        }
    }
}

/// Geometry the tests compute for themselves.
enum Geometry {
    /// Whether `segment` meets the closed box (Liang–Barsky clipping).
    static func segment(
        _ segment: Segment, crosses box: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    )
        -> Bool
    {
        var t0 = 0.0
        var t1 = 1.0
        let dx = segment.end.x - segment.start.x
        let dy = segment.end.y - segment.start.y
        let checks = [
            (-dx, segment.start.x - box.minX), (dx, box.maxX - segment.start.x),
            (-dy, segment.start.y - box.minY), (dy, box.maxY - segment.start.y),
        ]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}
