import GridModel
import PlanningSupport
import Testing

@testable import Districting

/// The micro-grid packer: tree dynamic programming over single floors of large units.
@Suite struct MicroGridPackerTests {
    /// Atoms of buildings given as unit lists: a unit is `(households, floors)`; floors > 0 and households above 50
    /// cut it into single floors (households spread evenly, remainder to the lowest floors), as AtomMaker does.
    struct Layout {
        var weights: [Int] = []
        var buildingOf: [Int] = []
        var chains: [[Int]] = []
        var unitOf: [Int] = []

        init(_ buildings: [[(households: Int, floors: Int)]]) {
            var unit = 0
            for (building, units) in buildings.enumerated() {
                for (households, floors) in units {
                    if households > 50 && floors > 0 {
                        var chain: [Int] = []
                        for floor in 1...floors {
                            chain.append(weights.count)
                            weights.append(households / floors + (floor <= households % floors ? 1 : 0))
                            buildingOf.append(building)
                            unitOf.append(unit)
                        }
                        chains.append(chain)
                    } else {
                        weights.append(households)
                        buildingOf.append(building)
                        unitOf.append(unit)
                    }
                    unit += 1
                }
            }
        }
    }

    static func positions(_ count: Int) -> [PlanarPoint] {
        (0..<count).map { PlanarPoint(x: Double($0 % 4) * 60, y: Double($0 / 4) * 60) }
    }

    /// Checks bounds, connectivity over the building edges, and that each part holds consecutive floors of a unit.
    static func expectValid(_ labels: [Int], _ layout: Layout, edges: [IndexPair], buildings: Int) {
        let count = (labels.max() ?? -1) + 1
        for part in 0..<count {
            let atoms = labels.indices.filter { labels[$0] == part }
            let weight = atoms.reduce(0) { $0 + layout.weights[$1] }
            #expect((30...50).contains(weight), "part \(part) weighs \(weight)")
            let members = Set(atoms.map { layout.buildingOf[$0] })
            var seen: Set<Int> = [members.min() ?? 0]
            var stack = Array(seen)
            while let b = stack.popLast() {
                for edge in edges where edge.first == b || edge.second == b {
                    let other = edge.first == b ? edge.second : edge.first
                    if members.contains(other) && seen.insert(other).inserted { stack.append(other) }
                }
            }
            #expect(seen == members, "part \(part) is not connected: \(members.sorted())")
            for chain in layout.chains {
                let taken = chain.indices.filter { labels[chain[$0]] == part }
                if let first = taken.first, let last = taken.last {
                    #expect(last - first + 1 == taken.count, "part \(part) takes non-consecutive floors")
                }
            }
        }
    }

    @Test func aHighRiseUnitAloneIsCutIntoThreeBands() throws {
        let layout = Layout([[(118, 33)]])
        let packer = MicroGridPacker(bounds: DistrictingBounds(min: 30, max: 50), seed: 1)
        let found = try #require(packer.pack(weights: layout.weights, buildingOf: layout.buildingOf,
                                             chains: layout.chains, buildingPositions: Self.positions(1),
                                             buildingEdges: []))
        #expect(found.count == 3)
        Self.expectValid(found.labels, layout, edges: [], buildings: 1)
    }

    @Test func aSmallLeafWhoseOnlyNeighbourIsTooLargeCannotBePacked() {
        // 21 + 34 = 55 and 21 alone is below 30.
        let layout = Layout([[(21, 0)], [(34, 0)]])
        let packer = MicroGridPacker(bounds: DistrictingBounds(min: 30, max: 50), seed: 1)
        #expect(packer.pack(weights: layout.weights, buildingOf: layout.buildingOf, chains: layout.chains,
                            buildingPositions: Self.positions(2), buildingEdges: [IndexPair(0, 1)]) == nil)
    }

    /// 44 + 106 households make three micro-grids of exactly 50 only one way: the small building with the lowest
    /// floor (6 households), floors 2–10 and floors 11–20 (106 over 20 floors: six of 6, fourteen of 5).
    @Test(arguments: [UInt64(1), 2, 3]) func aTightPairIsPackedIntoTheFewestMicroGrids(seed: UInt64) throws {
        let layout = Layout([[(44, 0)], [(106, 20)]])
        let edges = [IndexPair(0, 1)]
        let packer = MicroGridPacker(bounds: DistrictingBounds(min: 30, max: 50), seed: seed)
        let found = try #require(packer.pack(weights: layout.weights, buildingOf: layout.buildingOf,
                                             chains: layout.chains, buildingPositions: Self.positions(2),
                                             buildingEdges: edges))
        #expect(found.count == 3)
        Self.expectValid(found.labels, layout, edges: edges, buildings: 2)
        #expect(found.labels[0] == found.labels[1], "the small building takes the lowest floor")
    }

    @Test func theSameSeedGivesTheSamePacking() {
        let layout = Layout([[(40, 0)], [(95, 20)], [(30, 0)], [(12, 0)], [(77, 18)]])
        let edges = [IndexPair(0, 1), IndexPair(1, 2), IndexPair(2, 3), IndexPair(3, 4), IndexPair(1, 4)]
        let packer = MicroGridPacker(bounds: DistrictingBounds(min: 30, max: 50), seed: 9)
        let first = packer.pack(weights: layout.weights, buildingOf: layout.buildingOf, chains: layout.chains,
                                buildingPositions: Self.positions(5), buildingEdges: edges)
        let second = packer.pack(weights: layout.weights, buildingOf: layout.buildingOf, chains: layout.chains,
                                 buildingPositions: Self.positions(5), buildingEdges: edges)
        #expect(first?.labels == second?.labels && first != nil)
        if let first { Self.expectValid(first.labels, layout, edges: edges, buildings: 5) }
    }
}
