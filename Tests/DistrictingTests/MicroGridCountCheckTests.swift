import Foundation
import GridModel
import GridSynthesis
import PlanningSupport
import Testing

@testable import Districting

/// Extra micro-grids only where the fewest is proven impossible or the exact check cannot decide; the proof says so.
@Suite struct MicroGridCountCheckTests {
    /// A check over atoms in a row of buildings (building i next to i + 1), 10 m apart.
    static func row(_ weights: [Int], buildingOf: [Int]? = nil, chains: [[Int]] = []) -> MicroGridCountCheck {
        let buildingOf = buildingOf ?? Array(weights.indices)
        let buildings = (buildingOf.max() ?? -1) + 1
        return MicroGridCountCheck(
            bounds: DistrictingBounds(min: 30, max: 50), weights: weights, buildingOf: buildingOf, chains: chains,
            buildingEdges: (0..<max(0, buildings - 1)).map { IndexPair($0, $0 + 1) }, buildingCount: buildings,
            positions: buildingOf.map { PlanarPoint(x: Double($0) * 10, y: 0) })
    }

    /// Whether `labels` cut the row into exactly `parts` micro-grids within 30–50 whose buildings are consecutive and
    /// whose floors of each chain are consecutive (an oracle that shares nothing with the check).
    static func valid(_ labels: [Int], check: MicroGridCountCheck, parts: Int) -> Bool {
        guard Set(labels) == Set(0..<parts) else { return false }
        for part in 0..<parts {
            let atoms = labels.indices.filter { labels[$0] == part }
            let households = atoms.reduce(0) { $0 + check.weights[$1] }
            let buildings = Set(atoms.map { check.buildingOf[$0] }).sorted()
            guard (30...50).contains(households), let first = buildings.first, let last = buildings.last,
                last - first + 1 == buildings.count
            else { return false }
            for chain in check.chains {
                let floors = chain.indices.filter { labels[chain[$0]] == part }
                if let low = floors.first, let high = floors.last, high - low + 1 != floors.count { return false }
            }
        }
        return true
    }

    @Test func buildingsThatCannotShareAMicroGridProveTheFewestImpossible() {
        // 4 × 34 = 136 households: ⌈136 / 50⌉ = 3, but no two buildings fit together, so 4.
        let check = Self.row([34, 34, 34, 34])
        #expect(check.check(parts: 3) == .impossible)
        guard case .packing(let labels) = check.check(parts: 4) else {
            Issue.record("4 micro-grids of one building each exist")
            return
        }
        #expect(Self.valid(labels, check: check, parts: 4))
    }

    @Test func floorsThatCannotFillTheRoomProveTheFewestImpossible() {
        // A unit of 60 households on 20 floors (3 each) next to a building of 40: two micro-grids of 50 would need
        // 40 + 10, and no band of floors holds 10.
        let check = Self.row(Array(repeating: 3, count: 20) + [40], buildingOf: Array(repeating: 0, count: 20) + [1],
                             chains: [Array(0..<20)])
        #expect(check.check(parts: 2) == .impossible)
    }

    @Test(arguments: [
        ([20, 30, 25, 25, 40, 10], 3),
        ([45, 5, 30, 20, 49, 1, 26, 24], 4),
    ])
    func aPackingWithTheFewestIsFound(weights: [Int], parts: Int) {
        let check = Self.row(weights)
        guard case .packing(let labels) = check.check(parts: parts) else {
            Issue.record("\(weights) packs into \(parts) micro-grids")
            return
        }
        #expect(Self.valid(labels, check: check, parts: parts))
    }

    @Test func floorBandsArePackedWithTheFewest() {
        // 60 households on 20 floors and a building of 35: 35 + 5 floors, and 15 floors (45).
        let check = Self.row(Array(repeating: 3, count: 20) + [35], buildingOf: Array(repeating: 0, count: 20) + [1],
                             chains: [Array(0..<20)])
        guard case .packing(let labels) = check.check(parts: 2) else {
            Issue.record("the unit's floors and the building pack into 2 micro-grids")
            return
        }
        #expect(Self.valid(labels, check: check, parts: 2))
    }

    @Test func aStreetWhoseGridCannotPackTheFewestSaysProven() throws {
        // One grid of 10 buildings of 34 households: ⌈340 / 50⌉ = 7 micro-grids, but each holds one building.
        let result = Language.$current.withValue(.english) {
            StreetDistricting().draw(ExtraGridsTests.lattice(10, households: 34))
        }
        #expect(result.deviations.isEmpty, "\(result.deviations)")
        let note = try #require(result.extraGrids.first { $0.level == .microGrid })
        #expect(note.count == 10 && note.fewest == 7 && note.proven == true)
        #expect(note.message.contains("exists (proven"))
    }

    @Test func aStreetWhoseGridCanPackTheFewestUsesIt() {
        // 20 buildings alternating 20 and 30 households in a row: 500 households, 10 micro-grids of exactly 50.
        let buildings = (0..<20).map { b in
            Building(id: BuildingID("C01-B\(b < 10 ? "0" : "")\(b)"), communityID: "C01", compoundID: "C01-Q1",
                     households: b % 2 == 0 ? 20 : 30, position: PlanarPoint(x: Double(b) * 30, y: 0),
                     kind: .residential)
        }
        let result = StreetDistricting().draw(Street(communities: [Community(id: "C01")], buildings: buildings))
        #expect(result.deviations.isEmpty, "\(result.deviations)")
        #expect(result.extraGrids.isEmpty, "\(result.extraGrids)")
        #expect(Set(result.assignments.compactMap(\.microGridID)).count == 10)
    }

    @Test func tinyMicroGridsEndInTimeWithAPlan() throws {
        // Micro-grids of 1–5 households: hundreds of micro-grids per grid, far more search than the counts were
        // made for; the deadline stops it (a debug build would take minutes) and every rule missed is stated.
        let street = try StreetGenerator(seed: 1, households: 1_000).generate()
        var parameters = StreetDistrictingParameters()
        parameters.microBounds = DistrictingBounds(min: 1, max: 5)
        let started = Date()
        let result = StreetDistricting(parameters: parameters).draw(street, deadline: Deadline(seconds: 5))
        // Generous for a loaded debug build: the point is minutes become seconds.
        #expect(Date().timeIntervalSince(started) < 30)
        let residential = street.buildings.filter { $0.kind == .residential }
        #expect(result.assignments.filter { $0.kind == .residential }.reduce(0) { $0 + $1.households }
            == residential.reduce(0) { $0 + $1.households })
        var households: [MicroGridID: Int] = [:]
        for row in result.assignments where row.kind == .residential {
            if let micro = row.microGridID { households[micro, default: 0] += row.households }
        }
        let missed = households.values.filter { !(1...5).contains($0) }.count
        let stated = result.deviations.filter { $0.rule == .microGridHouseholds || $0.rule == .unitTooLarge }.count
        #expect(missed <= stated)
    }
}
