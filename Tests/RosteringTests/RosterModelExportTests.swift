import Foundation
import GridModel
import Rostering
import Testing

/// The stage-(a) model for the peer comparison: GLPK's LP optimum bounds the default method's assignment, and
/// the model exports as LP and MPS.
@Suite struct RosterModelExportTests {
    @Test func lpOptimumBoundsTheAugmentingAssignment() throws {
        let input = try RosterFixtures.generated(seed: 21, households: 1500, week: try RosterFixtures.week("2026-W48"))
        let community = try #require(input.street.communities.map(\.id).sorted().first)
        let comparison = try #require(
            try RosterPlanner(ruleSet: try RosterFixtures.rules()).compareAssignments(input, community: community))
        #expect(comparison.visits > 50)
        #expect(comparison.glpkStatus == "optimal")
        let optimum = try #require(comparison.glpkObjective)
        #expect(comparison.augmentingObjective <= optimum + 1e-6)
        // Both meet every visit here (ample capacity), so they differ only in the pairing, skill and load terms.
        #expect(optimum - comparison.augmentingObjective < Double(comparison.visits))
        let lp = try comparison.model.cplexLP()
        let mps = try comparison.model.mps()
        #expect(lp.contains("Binaries"))
        #expect(mps.contains("MARKER"))
    }

    /// Writes one community's model and the engine's figures for Benchmarks/scripts/roster_compare.py, when
    /// WANGGE_ROSTER_EXPORT names a folder.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["WANGGE_ROSTER_EXPORT"] != nil))
    func exportSampleStreetCommunity() throws {
        let folder = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["WANGGE_ROSTER_EXPORT"]))
        let community = CommunityID(ProcessInfo.processInfo.environment["WANGGE_ROSTER_COMMUNITY"] ?? "C01")
        let input = try RosterFixtures.sample(week: try RosterFixtures.week("2026-W48"))
        let comparison = try #require(
            try RosterPlanner(ruleSet: try RosterFixtures.rules()).compareAssignments(input, community: community))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stem = "roster-\(community)-2026-W48"
        try comparison.model.cplexLP().write(
            to: folder.appendingPathComponent("\(stem).lp"), atomically: true, encoding: .utf8)
        try comparison.model.mps().write(
            to: folder.appendingPathComponent("\(stem).mps"), atomically: true, encoding: .utf8)
        let figures: [String: Any] = [
            "community": community.rawValue, "week": "2026-W48", "visits": comparison.visits,
            "variables": comparison.model.size.variables, "constraints": comparison.model.size.constraints,
            "glpk_status": comparison.glpkStatus, "glpk_objective": comparison.glpkObjective ?? NSNull(),
            "glpk_seconds": comparison.glpkSeconds, "augmenting_objective": comparison.augmentingObjective,
            "augmenting_assigned": comparison.augmentingAssigned, "augmenting_seconds": comparison.augmentingSeconds,
        ]
        let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys, .prettyPrinted])
        try data.write(to: folder.appendingPathComponent("\(stem).json"))
    }
}
