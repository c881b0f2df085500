import Foundation
import Testing

/// Re-drawing the sample street after 600 households move into one compound: most households keep their grid
/// code, only that community's grids change, kpis.json says how much moved, and a lock holds.
@Suite(.serialized) struct GridsRedrawTests {
    @Test func addingHouseholdsToOneCompoundChangesOnlyItsCommunity() throws {
        let sample = GridsDrawCommandTests.sampleStreet
        let street = try GridsDrawCommandTests.temporary("redraw-street")
        for name in ["buildings.csv", "units.csv", "barriers.csv", "communities.csv"] {
            try FileManager.default.copyItem(
                at: sample.appendingPathComponent(name), to: street.appendingPathComponent(name))
        }
        // The street holds the sample's files unchanged so far: its plan is the sample street's plan.
        let before = try #require(GridsDrawCommandTests.sampleDraw).out
        let current = try GridsPlanChecker(street: street, plan: before)
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
        // A lock on a building of another community, to the grid it had.
        let pinned = try #require(current.rows.first { $0.community == "C05" && $0.kind == "residential" })
        try "building_id,grid_id\n\(pinned.building),\(pinned.grid)\n".write(
            to: street.appendingPathComponent("locks.csv"), atomically: true, encoding: .utf8)
        let after = try GridsDrawCommandTests.temporary("redraw-after")
        let outcome = try GridsDrawCommandTests.draw(street, out: after, ["--current", before.path])
        #expect(outcome.status <= 1, "\(outcome.stderr)")
        let stability = try #require(try GridsDrawCommandTests.kpis(after)["stability"] as? [String: Any])
        let kept = try #require(stability["households_kept"] as? Int)
        let compared = try #require(stability["households_compared"] as? Int)
        #expect(compared >= 19_000)
        #expect(Double(kept) >= 0.9 * Double(compared), "kept \(kept) of \(compared)")
        #expect(stability["households_moved"] as? Int == compared - kept)
        let changed = stability["communities_changed"] as? [String] ?? []
        #expect(changed.contains("C01"), "\(stability)")
        #expect(changed == ["C01"], "\(stability)")
        #expect((stability["grids_changed"] as? Int ?? 0) >= 1)
        let redrawn = try GridsPlanChecker(street: street, plan: after)
        #expect(redrawn.rows.filter { $0.building == pinned.building }.allSatisfy { $0.grid == pinned.grid })
        #expect(redrawn.rows.reduce(0) { $0 + $1.households } == 20_600)
    }
}
