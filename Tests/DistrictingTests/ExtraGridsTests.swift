import GridModel
import Testing

@testable import Districting

/// Communities drawn with more grids than ⌈households / max⌉ say why; special-grid kinds and micro-grid coverage
/// come from the parameters (the rules).
@Suite struct ExtraGridsTests {
    static func lattice(_ count: Int, households: Int, kind: (Int) -> BuildingKind = { _ in .residential },
                        type: CompoundType? = nil) -> Street {
        let buildings = (0..<count).map { b in
            Building(id: BuildingID("C01-B\(b < 10 ? "0" : "")\(b)"), communityID: "C01", compoundID: "C01-Q1",
                     households: kind(b) == .residential ? households : 0,
                     position: PlanarPoint(x: Double(b % 5) * 50, y: Double(b / 5) * 50), kind: kind(b),
                     compoundType: type)
        }
        return Street(communities: [Community(id: "C01")], buildings: buildings)
    }

    @Test func wholeBuildingsThatCannotFillTheFewestGridsAreStated() throws {
        // 25 × 40 = 1,000 households: ⌈1000 / 500⌉ = 2, but whole buildings fill a grid to 480 at most, so 3.
        #expect(CommunityDistricter.wholeAtomBound(Array(repeating: 40, count: 25),
                                                   bounds: DistrictingBounds(min: 300, max: 500)) == 3)
        #expect(CommunityDistricter.wholeAtomBound(Array(repeating: 50, count: 20),
                                                   bounds: DistrictingBounds(min: 300, max: 500)) == 2)
        let result = StreetDistricting().draw(Self.lattice(25, households: 40))
        #expect(result.deviations.isEmpty, "\(result.deviations)")
        let note = try #require(result.extraGrids.first { $0.level == .grid })
        #expect(note.count == 3 && note.fewest == 2 && note.lowerBound == 3 && note.reason == .wholeBuildings)
        #expect(Set(result.assignments.map(\.gridID)).count == 3)
    }

    @Test func theFewestGridsNeedNoNote() {
        let result = StreetDistricting().draw(Self.lattice(20, households: 40))
        #expect(result.extraGrids.filter { $0.level == .grid }.isEmpty)
        #expect(Set(result.assignments.map(\.gridID)).count == 2)
    }

    @Test func specialKindsAndMicroGridCoverageFollowTheParameters() {
        let street = Self.lattice(21, households: 40, kind: { $0 == 7 ? .market : .residential }, type: "village")
        let plain = StreetDistricting().draw(street)
        #expect(plain.assignments.first { $0.kind == .market }?.gridID.rawValue.hasPrefix("C01-S") == true)
        #expect(plain.assignments.allSatisfy { $0.microGridID != nil })
        var parameters = StreetDistrictingParameters()
        parameters.specialGridKinds = [.school]
        parameters.microGridCompoundTypes = ["old"]
        let ruled = StreetDistricting(parameters: parameters).draw(street)
        // The spec puts every non-residential building in a special grid, whatever the list says.
        #expect(ruled.assignments.first { $0.kind == .market }?.gridID.rawValue.hasPrefix("C01-S") == true)
        #expect(ruled.assignments.filter { $0.kind == .residential }.allSatisfy { $0.microGridID == nil })
        #expect(ruled.deviations.isEmpty)
    }
}
