import Foundation
import Testing

/// Re-drawing the sample street after 600 households move into one compound: most households keep their grid
/// code, only that community's grids change, kpis.json says how much moved, and a lock holds.
@Suite(.serialized) struct GridsRedrawTests {
    @Test func addingHouseholdsToOneCompoundChangesOnlyItsCommunity() throws {
        let sampleStreet = GridsDrawCommandTests.sampleStreet
        let street = try GridsDrawCommandTests.temporary("redraw-street")
        for name in ["buildings.csv", "units.csv", "barriers.csv", "communities.csv"] {
            try FileManager.default.copyItem(
                at: sampleStreet.appendingPathComponent(name), to: street.appendingPathComponent(name))
        }
        // The street holds the sample's files unchanged so far. A first re-draw on it keeps every community
        // whose sample plan meets the rules verbatim and draws again only those whose plan misses one.
        let sample = try #require(GridsDrawCommandTests.sampleDraw).out
        let sampleDeviations = try GridsDrawCommandTests.kpis(sample)["findings"] as? [[String: Any]] ?? []
        let missing = Set(sampleDeviations.compactMap { $0["community_id"] as? String }).sorted()
        let before = try GridsDrawCommandTests.temporary("redraw-before")
        let settled = try GridsDrawCommandTests.draw(street, out: before, ["--current", sample.path])
        #expect(settled.status <= 1, "\(settled.stderr)")
        let settledRedraw = try #require(try GridsDrawCommandTests.details(before)["redraw"] as? [String: Any])
        let settledRedrawn = (settledRedraw["redrawn"] as? [[String: Any]] ?? []).compactMap {
            $0["community_id"] as? String
        }
        #expect(settledRedrawn == missing, "\(settledRedraw)")
        // Kept verbatim: the same grids.csv lines, codes included.
        #expect(try Self.lines(of: before, outside: Set(missing)) == Self.lines(of: sample, outside: Set(missing)))
        let current = try GridsPlanChecker(street: street, plan: before)
        let beforeDeviations = try GridsDrawCommandTests.kpis(before)["findings"] as? [[String: Any]] ?? []
        let stillMissing = Set(beforeDeviations.compactMap { $0["community_id"] as? String })
        // Six new buildings of 100 households (two units of 50) beside compound C01-Q02's buildings.
        let compound = current.buildings.filter { $0.compound == "C01-Q02" }
        try #require(compound.count >= 3)
        var buildings = try String(contentsOf: street.appendingPathComponent("buildings.csv"), encoding: .utf8)
        var units = try String(contentsOf: street.appendingPathComponent("units.csv"), encoding: .utf8)
        for k in 0..<6 {
            let anchor = compound[k % compound.count]
            let id = "C01-Q02-N\(k + 1)"
            let x = anchor.x + 15 + Double(k), y = anchor.y - 25
            buildings += "\(id),C01,C01-Q02,100,\(x),\(y),residential,residential,10,2\n"
            units += "\(id),1,50,10\n\(id),2,50,10\n"
        }
        try buildings.write(to: street.appendingPathComponent("buildings.csv"), atomically: true, encoding: .utf8)
        try units.write(to: street.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        // Locks to the grid and micro-grid a building had: one in another community, one in C01 (redrawn).
        let pinned = try #require(current.rows.first { $0.community == "C05" && $0.kind == "residential" })
        let wholeInC01 = Dictionary(grouping: current.rows.filter { $0.community == "C01" }, by: \.building)
            .filter { $0.value.count == 1 && $0.value[0].kind == "residential" }
        let pinnedInC01 = try #require(wholeInC01.keys.sorted().dropFirst(wholeInC01.count / 2).first
            .flatMap { wholeInC01[$0]?.first })
        try """
            building_id,grid_id,micro_grid_id
            \(pinned.building),\(pinned.grid),
            \(pinnedInC01.building),\(pinnedInC01.grid),\(pinnedInC01.micro)

            """.write(to: street.appendingPathComponent("locks.csv"), atomically: true, encoding: .utf8)
        let after = try GridsDrawCommandTests.temporary("redraw-after")
        let outcome = try GridsDrawCommandTests.draw(street, out: after, ["--current", before.path])
        #expect(outcome.status <= 1, "\(outcome.stderr)")
        let stability = try #require(try GridsDrawCommandTests.details(after)["stability"] as? [String: Any])
        let householdsKept = try #require(stability["households_kept"] as? Int)
        let compared = try #require(stability["households_compared"] as? Int)
        #expect(compared >= 19_000)
        #expect(Double(householdsKept) >= 0.9 * Double(compared), "kept \(householdsKept) of \(compared)")
        #expect(stability["households_moved"] as? Int == compared - householdsKept)
        // Only C01 changes (and a community whose current plan still misses a rule, none on today's sample).
        let changed = stability["communities_changed"] as? [String] ?? []
        #expect(changed == (["C01"] + stillMissing.subtracting(["C01"])).sorted(), "\(stability)")
        let changedGrids = stability["changed_grids"] as? [String] ?? []
        #expect(!changedGrids.isEmpty && stability["grids_changed"] as? Int == changedGrids.count)
        #expect(changedGrids.allSatisfy { $0.hasPrefix("C01-") || stillMissing.contains(String($0.prefix(3))) })
        let redraw = try #require(try GridsDrawCommandTests.details(after)["redraw"] as? [String: Any])
        let redrawnCommunities = redraw["redrawn"] as? [[String: Any]] ?? []
        let c01Redraw = try #require(redrawnCommunities.first { $0["community_id"] as? String == "C01" })
        #expect((c01Redraw["reasons"] as? [String] ?? []).contains("building C01-Q02-N1 is new"), "\(c01Redraw)")
        let kept = Set(redraw["kept_verbatim"] as? [String] ?? [])
        #expect(kept == Set(current.buildings.map(\.community)).subtracting(["C01"]).subtracting(stillMissing))
        let redrawn = try GridsPlanChecker(street: street, plan: after)
        #expect(redrawn.rows.filter { $0.building == pinned.building }.allSatisfy { $0.grid == pinned.grid })
        let locked = redrawn.rows.filter { $0.building == pinnedInC01.building }
        #expect(!locked.isEmpty && locked.allSatisfy { $0.grid == pinnedInC01.grid && $0.micro == pinnedInC01.micro },
                "\(locked) locked to \(pinnedInC01)")
        #expect(redrawn.rows.reduce(0) { $0 + $1.households } == 20_600)
        #expect(try Self.lines(of: after, outside: Set(["C01"]).union(stillMissing))
            == Self.lines(of: before, outside: Set(["C01"]).union(stillMissing)))
        // In a grid sharing buildings with the current grid of its code, a micro-grid code that the current plan
        // had names a place sharing its buildings (a kept code), never another place.
        func members(by level: KeyPath<GridsPlanChecker.Row, String>, _ rows: [GridsPlanChecker.Row])
            -> [String: Set<String>]
        {
            var result: [String: Set<String>] = [:]
            for row in rows where !row[keyPath: level].isEmpty {
                result[row[keyPath: level], default: []].insert(row.building)
            }
            return result
        }
        let c01 = redrawn.rows.filter { $0.community == "C01" }
        let oldGrids = members(by: \.grid, current.rows), newGrids = members(by: \.grid, c01)
        let sameGrids = newGrids.filter { !$0.value.isDisjoint(with: oldGrids[$0.key] ?? []) }.keys
        #expect(sameGrids.count >= 3, "\(newGrids.keys.sorted())")
        let oldMicros = members(by: \.micro, current.rows)
        let newMicros = members(by: \.micro, c01.filter { sameGrids.contains($0.grid) })
        let reused = newMicros.filter { oldMicros[$0.key] != nil }
        #expect(reused.count >= 10)
        for (micro, members) in reused.sorted(by: { $0.key < $1.key }) {
            #expect(!members.isDisjoint(with: oldMicros[micro] ?? []), "\(micro) names another place now")
        }
    }

    /// The lines of a plan's grids.csv whose community is not in `excluded`.
    static func lines(of plan: URL, outside excluded: Set<String>) throws -> [Substring] {
        let text = try String(contentsOf: plan.appendingPathComponent("grids.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().filter { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return cells.count > 4 && !excluded.contains(String(cells[4]))
        }
    }

    /// A street of two communities: C01's ten buildings and an island 700 m away (joined to its nearest building
    /// with a warning); C02 cut in two by a barrier into pieces that make a grid each (reported).
    static func islandAndBarrierStreet() throws -> URL {
        let street = try GridsDrawCommandTests.temporary("island-street")
        var buildings = "building_id,community_id,compound_id,households,x,y\n"
        for k in 0..<10 {
            buildings += "C01-B\(k),C01,C01-Q1,40,\(Double(k % 5) * 50),\(Double(k / 5) * 50)\n"
        }
        buildings += "C01-ISLAND,C01,,30,900,0\n"
        for k in 0..<16 {
            let x = 3_000 + Double(k % 4) * 50, y = Double(k / 4) * 50 + (k >= 8 ? 100 : 0)
            buildings += "C02-B\(k < 10 ? "0" : "")\(k),C02,C02-Q\(k / 8),40,\(x),\(y)\n"
        }
        try buildings.write(to: street.appendingPathComponent("buildings.csv"), atomically: true, encoding: .utf8)
        // An east-west road between C02's rows y = 50 and y = 200.
        try "x1,y1,x2,y2\n2900,125,3300,125\n".write(
            to: street.appendingPathComponent("barriers.csv"), atomically: true, encoding: .utf8)
        return street
    }

    @Test func anIslandAndABarrierAreStatedOnDrawAndOnRedraw() throws {
        let street = try Self.islandAndBarrierStreet()
        let island = "community C01: building C01-ISLAND has no neighbour (island); joined to C01-B4 700 m away"
        let barrier =
            "community C02: barriers cut it into 2 pieces (8 buildings, 8 buildings); each is drawn on its own"
        let first = try GridsDrawCommandTests.temporary("island-first")
        let drawn = try GridsDrawCommandTests.draw(street, out: first)
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let warnings = try GridsDrawCommandTests.warnings(first)
        #expect(warnings == [island, barrier], "\(warnings)")
        #expect(drawn.stderr.contains("warning: \(island)") && drawn.stderr.contains("warning: \(barrier)"))
        let checker = try GridsPlanChecker(street: street, plan: first)
        #expect(checker.violations().isEmpty, "\(checker.violations())")
        let c02Grids = Set(checker.rows.filter { $0.community == "C02" }.map(\.grid))
        #expect(c02Grids.count == 2)
        // Each C02 grid, eight touching cells, is drawn as one outline without holes.
        let map = try GridsGeoJSONChecker(url: first.appendingPathComponent("grids.geojson"))
        for grid in c02Grids.sorted() {
            let feature = map.features.first { $0.level == "grid" && $0.id == grid }
            #expect(feature?.polygons.count == 1 && feature?.holes.first?.isEmpty == true, "\(grid)")
        }
        // Re-drawn on the same street: both communities kept verbatim, the warnings stated again.
        let second = try GridsDrawCommandTests.temporary("island-second")
        let redrawn = try GridsDrawCommandTests.draw(street, out: second, ["--current", first.path])
        #expect(redrawn.status == 0, "\(redrawn.stderr)")
        #expect(try GridsDrawCommandTests.warnings(second) == [island, barrier])
        let redraw = try GridsDrawCommandTests.details(second)["redraw"] as? [String: Any]
        #expect(redraw?["kept_verbatim"] as? [String] == ["C01", "C02"])
        #expect(redrawn.stderr.contains("warning: \(island)") && redrawn.stderr.contains("warning: \(barrier)"))
        let before = try Data(contentsOf: first.appendingPathComponent("grids.csv"))
        let after = try Data(contentsOf: second.appendingPathComponent("grids.csv"))
        #expect(before == after)
    }
}
