import GridModel
import PlanningSupport
import Testing

@testable import Districting

/// The growing search finds tight packings on more atoms than the exact check takes, and only valid ones.
@Suite struct MicroGridGrowingSearchTests {
    /// Buildings in a row (building i next to i + 1, 10 m apart), each a unit of `floors` floors of
    /// `perFloor` households (a chain) or, with one floor, a single atom.
    static func row(_ buildings: [(floors: Int, perFloor: Int)]) -> (search: MicroGridGrowingSearch,
                                                                     check: MicroGridCountCheck) {
        var weights: [Int] = [], buildingOf: [Int] = [], chains: [[Int]] = []
        for (index, building) in buildings.enumerated() {
            let atoms = Array(weights.count..<(weights.count + building.floors))
            weights += Array(repeating: building.perFloor, count: building.floors)
            buildingOf += Array(repeating: index, count: building.floors)
            if building.floors > 1 { chains.append(atoms) }
        }
        let bounds = DistrictingBounds(min: 30, max: 50)
        let edges = (0..<max(0, buildings.count - 1)).map { IndexPair($0, $0 + 1) }
        let positions = buildings.indices.map { PlanarPoint(x: Double($0) * 10, y: 0) }
        let search = MicroGridGrowingSearch(bounds: bounds, weights: weights, buildingOf: buildingOf, chains: chains,
                                            buildingEdges: edges, buildingPositions: positions)
        let check = MicroGridCountCheck(bounds: bounds, weights: weights, buildingOf: buildingOf, chains: chains,
                                        buildingEdges: edges, buildingCount: buildings.count,
                                        positions: buildingOf.map { positions[$0] })
        return (search, check)
    }

    /// Whether `labels` cut the row into exactly `parts` micro-grids of 30–50 households on consecutive buildings
    /// and consecutive floors of each unit (an oracle that shares nothing with the search).
    static func valid(_ labels: [Int], search: MicroGridGrowingSearch, parts: Int) -> Bool {
        guard labels.count == search.weights.count, Set(labels) == Set(0..<parts) else { return false }
        for part in 0..<parts {
            let atoms = labels.indices.filter { labels[$0] == part }
            let households = atoms.reduce(0) { $0 + search.weights[$1] }
            let buildings = Set(atoms.map { search.buildingOf[$0] }).sorted()
            guard (30...50).contains(households), let first = buildings.first, let last = buildings.last,
                last - first + 1 == buildings.count
            else { return false }
            for chain in search.chains {
                let floors = chain.indices.filter { labels[chain[$0]] == part }
                if let low = floors.first, let high = floors.last, high - low + 1 != floors.count { return false }
            }
        }
        return true
    }

    /// 498 households on 86 atoms: towers of 24, 20 and 40 floors of 5 households, buildings of 30 and 48 between.
    /// The 10 micro-grids ⌈498 / 50⌉ leave 2 households of room (the tower of 24 floors ends in 20 that must join
    /// the 30, the 48 stands alone).
    static let tight = [(floors: 24, perFloor: 5), (1, 30), (20, 5), (1, 48), (40, 5)]

    @Test func aTightPackingBeyondTheExactCheckIsFound() {
        let (search, check) = Self.row(Self.tight)
        #expect(search.weights.count > 64)
        #expect(check.check(parts: 10) == .unknown)
        guard let labels = search.search(parts: 10) else {
            Issue.record("the row packs into 10 micro-grids")
            return
        }
        #expect(Self.valid(labels, search: search, parts: 10))
    }

    @Test func theSameInputGivesTheSamePacking() {
        let first = Self.row(Self.tight).search.search(parts: 10)
        let second = Self.row(Self.tight).search.search(parts: 10)
        #expect(first != nil)
        #expect(first == second)
    }

    @Test func noPackingIsClaimedWhereNoneExists() {
        // 4 buildings of 34: no two fit together, so 3 micro-grids are impossible; 4 are found.
        let (search, _) = Self.row(Array(repeating: (floors: 1, perFloor: 34), count: 4))
        #expect(search.search(parts: 3) == nil)
        let four = search.search(parts: 4)
        #expect(four.map { Self.valid($0, search: search, parts: 4) } == true)
    }
}
