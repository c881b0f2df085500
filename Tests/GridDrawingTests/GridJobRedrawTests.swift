import Foundation
import GridModel
import GridRules
import Testing

@testable import GridDrawing

/// Re-drawing with a current plan: communities that did not change and still meet every hard rule keep their rows
/// verbatim; the others are drawn again, with micro-grid and special grid codes following the current plan.
@Suite struct GridJobRedrawTests {
    static func job() throws -> GridJob { GridJob(ruleSet: try RuleSet.builtIn(), seed: 3) }

    /// The two-community street of ``GridJobTests`` with a school in each community.
    static func street() -> Street {
        var street = GridJobTests.street()
        for (c, community) in ["C01", "C03"].enumerated() {
            street.buildings.append(Building(
                id: BuildingID("\(community)-K1"), communityID: CommunityID(community), households: 0,
                position: PlanarPoint(x: Double(c) * 2_000 + 260, y: 80), kind: .school))
        }
        return street
    }

    static func rows(_ rows: [GridAssignment], in community: CommunityID) -> [GridAssignment] {
        rows.filter { $0.communityID == community }
    }

    @Test func anUnchangedCommunityKeepsItsRowsVerbatim() throws {
        var street = Self.street()
        let first = try Self.job().run(street)
        #expect(first.findings.isEmpty, "\(first.findings)")
        // Codes the drawing would not choose: kept anyway, since they break no rule.
        var current = first.assignments
        LockKeeper.swapGrids("C01-G01", "C01-G02", in: &current)
        street.currentPlan = current
        // Community C03 changes: one building gains 5 households.
        let grown = try #require(street.buildings.firstIndex { $0.id == "C03-B07" })
        street.buildings[grown].households += 5
        let second = try Language.$current.withValue(.english) { try Self.job().run(street) }
        #expect(Self.rows(second.assignments, in: "C01") == Self.rows(current, in: "C01"))
        #expect(second.redraw.map(\.communityID) == ["C01", "C03"])
        #expect(second.redraw.first { $0.communityID == "C01" }?.keptVerbatim == true)
        let c03 = try #require(second.redraw.first { $0.communityID == "C03" })
        #expect(!c03.keptVerbatim)
        #expect(c03.reasons.contains { $0.contains("C03-B07") && $0.contains("45 households") }, "\(c03.reasons)")
        #expect(Self.rows(second.assignments, in: "C03").reduce(0) { $0 + $1.households } == 805)
    }

    @Test func anUnchangedCommunityMissingARuleIsRedrawn() throws {
        var street = Self.street()
        let first = try Self.job().run(street)
        var current = first.assignments
        // Two micro-grids of C01-G01 merged: one micro-grid above the 50-household maximum.
        let micros = Set(current.filter { $0.gridID == "C01-G01" }.compactMap(\.microGridID)).sorted()
        try #require(micros.count >= 2)
        for index in current.indices where current[index].microGridID == micros[1] {
            current[index].microGridID = micros[0]
        }
        street.currentPlan = current
        let second = try Language.$current.withValue(.english) { try Self.job().run(street) }
        let c01 = try #require(second.redraw.first { $0.communityID == "C01" })
        #expect(!c01.keptVerbatim)
        #expect(c01.reasons.contains { $0.contains("micro-grid \(micros[0])") }, "\(c01.reasons)")
        #expect(second.redraw.first { $0.communityID == "C03" }?.keptVerbatim == true)
        #expect(second.findings.isEmpty, "\(second.findings)")
        // Redrawn: every micro-grid within bounds again, the grid codes kept.
        var sizes: [MicroGridID: Int] = [:]
        for row in Self.rows(second.assignments, in: "C01") where row.kind.isResidential {
            sizes[row.microGridID ?? "", default: 0] += row.households
        }
        #expect(sizes.values.allSatisfy { (30...50).contains($0) }, "\(sizes)")
    }

    @Test func aLockTheCurrentPlanMissesMakesTheCommunityRedrawn() throws {
        var street = Self.street()
        let first = try Self.job().run(street)
        street.currentPlan = first.assignments
        let building = try #require(first.assignments.first { $0.gridID == "C03-G01" }?.buildingID)
        street.locks = [PlanLock(subject: .building(building), gridID: "C03-G02")]
        let second = try Language.$current.withValue(.english) { try Self.job().run(street) }
        let c03 = try #require(second.redraw.first { $0.communityID == "C03" })
        #expect(!c03.keptVerbatim && c03.reasons == ["building \(building) is locked to grid C03-G02"])
        #expect(second.assignments.filter { $0.buildingID == building }.allSatisfy { $0.gridID == "C03-G02" })
        #expect(second.redraw.first { $0.communityID == "C01" }?.keptVerbatim == true)
    }

    @Test func theCheckFindsEachHardRuleMissed() throws {
        let rules = try RuleSet.builtIn().grid(for: "C01")
        // Three buildings in a row, 60 m apart; the high-rise B3 has one 66-household unit of 22 floors.
        let buildings = (1...3).map { k in
            Building(id: BuildingID("B\(k)"), communityID: "C01", households: k == 3 ? 66 : 150,
                     position: PlanarPoint(x: Double(k) * 60, y: 0), floors: k == 3 ? 22 : nil, unitCount: 1)
        }
        let pairs = [BuildingPair("B1", "B2"), BuildingPair("B2", "B3")]
        let check = CommunityPlanCheck(community: "C01", rules: rules, buildings: buildings, units: [:],
                                       pairs: pairs, locks: [])
        func row(_ b: String, unit: String? = nil, floors: String? = nil, _ h: Int, _ grid: String,
                 _ micro: String) -> GridAssignment {
            GridAssignment(buildingID: BuildingID(b), unit: unit, floors: floors.flatMap { FloorBand(parsing: $0) },
                           households: h, communityID: "C01", gridID: GridID(grid), microGridID: MicroGridID(micro))
        }
        // B1 and B3 in one grid without B2: not connected; 216 households below the minimum.
        let rows = [
            row("B1", 150, "C01-G01", "C01-G01-M01"), row("B2", 150, "C01-G02", "C01-G02-M01"),
            row("B3", unit: "1", floors: "1-11", 33, "C01-G01", "C01-G01-M02"),
            row("B3", unit: "1", floors: "11-22", 33, "C01-G01", "C01-G01-M03"),
        ]
        #expect(check.atomChanges(rows).isEmpty)
        let problems = Language.$current.withValue(.english) { check.violations(rows) }
        #expect(problems.contains("grid C01-G01 is not connected"), "\(problems)")
        #expect(problems.contains("grid C01-G01: 216 households outside 300–500"), "\(problems)")
        #expect(problems.contains("micro-grid C01-G01-M01: 150 households outside 30–50"), "\(problems)")
        #expect(problems.contains("unit B3/1: floor bands do not cover each floor once"), "\(problems)")
        // A unit that fits in a micro-grid is never split.
        let small = Building(id: "B4", communityID: "C01", households: 40, position: PlanarPoint(x: 0, y: 0),
                             unitCount: 2)
        let split = [
            row("B4", unit: "1", 20, "C01-G01", "C01-G01-M01"), row("B4", unit: "1", 0, "C01-G01", "C01-G01-M02"),
            row("B4", unit: "2", 20, "C01-G01", "C01-G01-M02"),
        ]
        let units = Language.$current.withValue(.english) { check.unitProblems(small, split) }
        #expect(units.contains("unit B4/1 of 20 households is split across micro-grids"), "\(units)")
    }

    @Test func anIslandIsJoinedWithAWarningAsWhenDrawing() throws {
        let rules = try RuleSet.builtIn().grid(for: "C01")
        var buildings = (0..<10).map { k in
            Building(id: BuildingID("B\(k)"), communityID: "C01", households: 40,
                     position: PlanarPoint(x: Double(k % 5) * 50, y: Double(k / 5) * 50))
        }
        buildings.append(Building(id: "B9X", communityID: "C01", households: 30,
                                  position: PlanarPoint(x: 900, y: 0)))
        let pairs = (0..<9).map { BuildingPair(BuildingID("B\($0)"), BuildingID("B\($0 + 1)")) }
        let check = Language.$current.withValue(.english) {
            CommunityPlanCheck(community: "C01", rules: rules, buildings: buildings, units: [:], pairs: pairs, locks: [])
        }
        #expect(check.warnings.map(\.message) == ["community C01: building B9X has no neighbour (island); joined to B4 700 m away"])
        #expect(check.connected(Set(buildings.indices)))
    }

    @Test func microGridsKeepTheCodeOfTheCurrentOneTheyShareMostWith() {
        func row(_ b: String, _ h: Int, _ grid: String, _ micro: String, unit: String? = nil,
                 floors: String? = nil, kind: BuildingKind = .residential) -> GridAssignment {
            GridAssignment(buildingID: BuildingID(b), unit: unit, floors: floors.flatMap { FloorBand(parsing: $0) },
                           households: h, communityID: "C01", gridID: GridID(grid), microGridID: MicroGridID(micro),
                           kind: kind)
        }
        let current = [
            row("B1", 40, "C01-G01", "C01-G01-M01"), row("B2", 40, "C01-G01", "C01-G01-M02"),
            row("B3", 20, "C01-G01", "C01-G01-M03", unit: "1", floors: "1-10"),
            row("B3", 20, "C01-G01", "C01-G01-M03", unit: "1", floors: "11-20"),
            row("S1", 0, "C01-S02", "C01-S02-M01", kind: .school),
        ]
        // Drawn in reading order: B2 first; B3's upper floors moved to B1's micro-grid; a new building B4.
        var drawn = [
            row("B2", 40, "C01-G01", "C01-G01-M01"), row("B1", 40, "C01-G01", "C01-G01-M02"),
            row("B3", 20, "C01-G01", "C01-G01-M03", unit: "1", floors: "1-10"),
            row("B3", 20, "C01-G01", "C01-G01-M02", unit: "1", floors: "11-20"),
            row("B4", 35, "C01-G01", "C01-G01-M04"),
            row("S0", 0, "C01-S02", "C01-S02-M01", kind: .school),
            row("S1", 0, "C01-S01", "C01-S01-M01", kind: .school),
        ]
        let original = drawn
        PlanCodeKeeper(current: current).apply(to: &drawn)
        let micro = Dictionary(drawn.map { ("\($0.buildingID)/\($0.floors?.description ?? "")", $0.microGridID) },
                               uniquingKeysWith: { a, _ in a })
        #expect(micro["B1/"] == "C01-G01-M01")
        #expect(micro["B2/"] == "C01-G01-M02")
        #expect(micro["B3/1-10"] == "C01-G01-M03" && micro["B3/11-20"] == "C01-G01-M01")
        #expect(micro["B4/"] == "C01-G01-M04")
        // A lock to a micro-grid code is served first: B4 takes M02, and B2 (whose code that was) a fresh M04.
        var locked = original
        PlanCodeKeeper(current: current, locks: [PlanLock(subject: .building("B4"), microGridID: "C01-G01-M02")])
            .apply(to: &locked)
        #expect(locked.first { $0.buildingID == "B4" }?.microGridID == "C01-G01-M02")
        #expect(locked.first { $0.buildingID == "B2" }?.microGridID == "C01-G01-M04")
        #expect(locked.first { $0.buildingID == "B1" }?.microGridID == "C01-G01-M01")
        // The school keeps its special grid; the new one takes the lowest free number.
        #expect(drawn.first { $0.buildingID == "S1" }.map { [$0.gridID.rawValue, $0.microGridID?.rawValue] }
            == ["C01-S02", "C01-S02-M01"])
        #expect(drawn.first { $0.buildingID == "S0" }.map { [$0.gridID.rawValue, $0.microGridID?.rawValue] }
            == ["C01-S01", "C01-S01-M01"])
    }
}
