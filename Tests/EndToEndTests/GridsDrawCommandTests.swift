import Foundation
import Testing

/// `wangge grids draw` end to end: plans checked by an independent checker, maps checked by point-in-polygon,
/// determinism, rules read per community, infeasible communities, locks and bad input.
@Suite(.serialized) struct GridsDrawCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sampleStreet = repository.appendingPathComponent("Scenarios/sample-street")

    static func temporary(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("wangge-grids-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func draw(_ street: URL, out: URL, _ extra: [String] = []) throws -> WanggeBinary.Outcome {
        try run(["grids", "draw", street.path, "--out", out.path] + extra)
    }

    /// Runs wangge; `WANGGE_BINARY` may name another build of it (a release build draws the sample street in
    /// seconds where a debug build takes minutes).
    static func run(_ arguments: [String]) throws -> WanggeBinary.Outcome {
        guard let path = ProcessInfo.processInfo.environment["WANGGE_BINARY"] else {
            return try WanggeBinary.run(arguments, in: repository)
        }
        return try WanggeBinary.launch(URL(fileURLWithPath: path), WanggeBinary.inEnglish(arguments), in: repository)
    }

    static func kpis(_ out: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("kpis.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// kpis.json's `details`: the grid job's structured figures (redraw, stability, per community).
    static func details(_ out: URL) throws -> [String: Any] { try kpis(out)["details"] as? [String: Any] ?? [:] }

    /// The messages of kpis.json's warnings.
    static func warnings(_ out: URL) throws -> [String] {
        (try kpis(out)["warnings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
    }

    /// Every check on one drawn plan: the independent rule checker, the map checker, and kpis agreeing with the
    /// exit status.
    static func checkPlan(street: URL, out: URL, outcome: WanggeBinary.Outcome, c03: (Int, Int)? = nil) throws
        -> [String]
    {
        var checker = try GridsPlanChecker(street: street, plan: out)
        if let c03 { checker.gridBoundsByCommunity["C03"] = c03 }
        let violations = checker.violations()
        let deviations = try kpis(out)["findings"] as? [[String: Any]] ?? []
        #expect(outcome.status == (deviations.isEmpty ? 0 : 1), "exit status vs deviations: \(outcome.stderr)")
        let bounds = violations.filter { !$0.contains(" would do") }  // the fewest count is not a stated deviation
        #expect(deviations.isEmpty == bounds.isEmpty, "kpis.json deviations and the checker disagree")
        var gridVotes: [String: [String: Int]] = [:], microVotes: [String: [String: Int]] = [:]
        for row in checker.rows {
            gridVotes[row.building, default: [:]][row.grid, default: 0] += row.households * 2 + 1
            microVotes[row.building, default: [:]][row.micro, default: 0] += row.households * 2 + 1
        }
        func winner(_ votes: [String: Int]) -> String? {
            votes.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        }
        var points: [String: (Double, Double)] = [:]
        var seen = Set<String>()
        for building in checker.buildings where seen.insert("\(building.x),\(building.y)").inserted {
            points[building.id] = (building.x, building.y)
        }
        let map = try GridsGeoJSONChecker(url: out.appendingPathComponent("grids.geojson"))
        let mapProblems = map.problems(
            points: points, gridOf: gridVotes.compactMapValues(winner), microOf: microVotes.compactMapValues(winner))
        #expect(mapProblems.isEmpty, "grids.geojson: \(mapProblems.prefix(5))")
        try expectCertified(out)
        return violations
    }

    /// The quality certificate never claims more than the plan: its lower bound is at most the plan's own measure,
    /// for the street and in every community (both from kpis.json; the bound is rounded down, the value to nearest).
    static func expectCertified(_ out: URL) throws {
        let quality = try kpis(out)["quality"] as? [String: Double] ?? [:]
        let value = try #require(quality["mean_distance_to_grid_centroid_m"])
        let bound = try #require(quality["mean_distance_lower_bound_m"])
        #expect(bound <= value && bound > 0, "street: bound \(bound) against \(value)")
        for community in try details(out)["per_community"] as? [[String: Any]] ?? [] {
            let value = community["mean_distance_to_grid_centroid_m"] as? Double ?? 0
            let bound = community["mean_distance_lower_bound_m"] as? Double ?? .infinity
            #expect(bound <= value, "\(community["community_id"] ?? ""): bound \(bound) against \(value)")
        }
    }

    /// There must be no violation at all: every grid and micro-grid within its bounds and connected, units cut
    /// only into bands of whole floors, and no more grids than ⌈households / max⌉ unless kpis.json says why and the
    /// checker's own lower bound (barrier pieces, whole buildings) confirms the count.
    static func expectNoViolation(_ violations: [String], out: URL, _ label: String) throws {
        #expect(violations.isEmpty, "\(label): \(violations.count) violations, e.g. \(violations.prefix(3))")
    }

    /// The sample street's plan, drawn once for every test that needs it (a debug build takes minutes).
    static let sampleDraw: (out: URL, outcome: WanggeBinary.Outcome)? = {
        guard let out = try? temporary("sample"), let outcome = try? draw(sampleStreet, out: out) else { return nil }
        return (out, outcome)
    }()

    @Test func sampleStreetHasNoHardRuleViolation() throws {
        let (out, outcome) = try #require(Self.sampleDraw)
        let violations = try Self.checkPlan(street: Self.sampleStreet, out: out, outcome: outcome)
        try Self.expectNoViolation(violations, out: out, "sample street")
        #expect(outcome.stdout.contains("certificate: no plan with these grid counts and bounds is below"))
        #expect(outcome.stdout.contains("grids"))
        for name in ["grids.csv", "grids.geojson", "map.svg", "kpis.json", "run.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
    }

    @Test(arguments: 1...5) func generatedStreetHasNoHardRuleViolation(seed: Int) throws {
        let street = try Self.temporary("street-\(seed)")
        let generated = try Self.run([
            "generate", "street", "--seed", "\(seed)", "--households", "4000", "--out", street.path,
        ])
        try #require(generated.status == 0, "\(generated.stderr)")
        let out = try Self.temporary("street-\(seed)-plan")
        let outcome = try Self.draw(street, out: out, ["--seed", "\(seed)"])
        let violations = try Self.checkPlan(street: street, out: out, outcome: outcome)
        try Self.expectNoViolation(violations, out: out, "seed \(seed)")
    }

    @Test func twoRunsGiveIdenticalFiles() throws {
        let street = try Self.temporary("twice-street")
        _ = try Self.run(["generate", "street", "--seed", "7", "--households", "3000", "--out", street.path])
        let first = try Self.temporary("twice-1"), second = try Self.temporary("twice-2")
        _ = try Self.draw(street, out: first)
        _ = try Self.draw(street, out: second)
        for name in ["grids.csv", "grids.geojson", "map.svg", "grids.xlsx", "kpis.json"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two runs")
            #expect(!a.isEmpty)
        }
    }

    /// A street written by the test: communities of buildings on a 50 m lattice.
    static func latticeStreet(_ name: String, communities: [(id: String, buildings: Int, households: Int)]) throws
        -> URL
    {
        let street = try temporary(name)
        var lines = ["building_id,community_id,compound_id,households,x,y"]
        for (c, community) in communities.enumerated() {
            for b in 0..<community.buildings {
                let x = Double(c) * 2_000 + Double(b % 5) * 50, y = Double(b / 5) * 50
                let id = "\(community.id)-B\(b < 10 ? "0" : "")\(b)"
                lines.append("\(id),\(community.id),,\(community.households),\(x),\(y)")
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(
            to: street.appendingPathComponent("buildings.csv"), atomically: true, encoding: .utf8)
        return street
    }

    @Test func infeasibleCommunityExitsOneWithTheDeviationStated() throws {
        // C01: 13 buildings of 40 households = 520, which no count of 300–500 grids can hold.
        let street = try Self.latticeStreet("infeasible", communities: [("C01", 13, 40), ("C02", 20, 40)])
        let out = try Self.temporary("infeasible-plan")
        let outcome = try Self.draw(street, out: out)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("grid.households_per_grid"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("C01"))
        let deviations = try Self.kpis(out)["findings"] as? [[String: Any]] ?? []
        let grid = deviations.filter { $0["rule_id"] as? String == "grid.households_per_grid" }
        #expect(grid.allSatisfy { $0["community_id"] as? String == "C01" } && !grid.isEmpty)
        #expect(grid.contains { ($0["amount"] as? Int ?? 0) > 0 })
        // The plan is still written, C02 valid.
        let checker = try GridsPlanChecker(street: street, plan: out)
        #expect(checker.rows.reduce(0) { $0 + $1.households } == 520 + 800)
        #expect(!checker.violations().contains { $0.contains("C02") })
    }

    @Test func overlayGridBoundsTakeEffectInTheirCommunity() throws {
        let street = try Self.latticeStreet("overlay", communities: [("C01", 20, 40), ("C03", 20, 40)])
        let overlay = street.appendingPathComponent("c03.yaml")
        try """
            overlay: c03-small-grids
            rules:
              - id: grid.households_per_grid
                scope: { community: [C03] }
                source: doczj-grid-160-255
                says: In community C03 a grid holds 160 to 255 households.
                parameters:
                  households: { min: 160, max: 255 }
            """.write(to: overlay, atomically: true, encoding: .utf8)
        let out = try Self.temporary("overlay-plan")
        let outcome = try Self.draw(street, out: out, ["--rules", Self.repository.appendingPathComponent("Rules").path,
                                                       "--overlay", overlay.path])
        let violations = try Self.checkPlan(street: street, out: out, outcome: outcome, c03: (160, 255))
        #expect(violations.isEmpty, "\(violations)")
        var sizes: [String: Int] = [:]
        for row in try GridsPlanChecker(street: street, plan: out).rows {
            sizes[row.grid, default: 0] += row.households
        }
        let c03 = sizes.filter { $0.key.hasPrefix("C03-") }, c01 = sizes.filter { $0.key.hasPrefix("C01-") }
        #expect(c03.count == 4 && c03.values.allSatisfy { (160...255).contains($0) }, "\(c03)")
        #expect(c01.count == 2 && c01.values.allSatisfy { (300...500).contains($0) }, "\(c01)")
    }

    /// The rules say which compound types get micro-grids: an overlay that gives micro-grids to `residential`
    /// compounds only leaves the village community without micro-grids. An overlay listing only schools as special
    /// kinds cannot take the market out of its special grid: the spec puts every non-residential building in one.
    @Test func specialGridKindsAndMicroGridCoverageFollowTheRules() throws {
        let street = try Self.temporary("special-coverage")
        var lines = ["building_id,community_id,compound_id,households,x,y,kind,compound_type"]
        for (c, (community, type)) in [("C01", "residential"), ("C02", "village")].enumerated() {
            for b in 0..<20 {
                let x = Double(c) * 2_000 + Double(b % 5) * 50, y = Double(b / 5) * 50
                let id = "\(community)-B\(b < 10 ? "0" : "")\(b)"
                lines.append("\(id),\(community),\(community)-Q1,40,\(x),\(y),residential,\(type)")
            }
        }
        lines.append("C01-MARKET,C01,,0,125,75,market,")
        lines.append("C01-SCHOOL,C01,,0,260,75,school,")
        try (lines.joined(separator: "\n") + "\n").write(
            to: street.appendingPathComponent("buildings.csv"), atomically: true, encoding: .utf8)
        let overlay = street.appendingPathComponent("rules.yaml")
        try """
            overlay: schools-special-residential-micro-grids
            rules:
              - id: grid.special_grids
                parameters:
                  kinds: [school]
              - id: grid.micro_grid_coverage
                parameters:
                  compound_types: [residential]
            """.write(to: overlay, atomically: true, encoding: .utf8)
        let out = try Self.temporary("special-coverage-plan")
        let outcome = try Self.draw(street, out: out, ["--rules", Self.repository.appendingPathComponent("Rules").path,
                                                       "--overlay", overlay.path])
        var checker = try GridsPlanChecker(street: street, plan: out)
        checker.microCompoundTypes = ["residential"]
        #expect(checker.violations().isEmpty, "\(checker.violations().prefix(5))")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = checker.rows
        let market = try #require(rows.first { $0.building == "C01-MARKET" })
        #expect(market.grid.hasPrefix("C01-S") && market.kind == "market", "\(market)")
        #expect(rows.first { $0.building == "C01-SCHOOL" }?.grid.hasPrefix("C01-S") == true)
        #expect(rows.filter { $0.community == "C02" }.allSatisfy { $0.micro.isEmpty && $0.grid.hasPrefix("C02-G") })
        #expect(rows.filter { $0.community == "C01" && $0.kind == "residential" }.allSatisfy { !$0.micro.isEmpty })
        // The default rules: every listed kind special, micro-grids everywhere.
        let plain = try Self.temporary("special-coverage-default")
        _ = try Self.draw(street, out: plain)
        let defaults = try GridsPlanChecker(street: street, plan: plain)
        #expect(defaults.violations().isEmpty, "\(defaults.violations().prefix(5))")
        #expect(defaults.rows.first { $0.building == "C01-MARKET" }?.grid.hasPrefix("C01-S") == true)
        #expect(defaults.rows.filter { $0.community == "C02" }.allSatisfy { !$0.micro.isEmpty })
    }

    @Test func aLockedBuildingKeepsItsGrid() throws {
        let street = try Self.latticeStreet("locks", communities: [("C01", 25, 40)])
        let first = try Self.temporary("locks-first")
        _ = try Self.draw(street, out: first)
        let rows = try GridsPlanChecker(street: street, plan: first).rows
        let grids = Set(rows.map(\.grid)).sorted()
        try #require(grids.count >= 2)
        // Lock a building of the first grid to the code of the second.
        let building = try #require(rows.first { $0.grid == grids[0] }).building
        try "building_id,grid_id\n\(building),\(grids[1])\n".write(
            to: street.appendingPathComponent("pins.csv"), atomically: true, encoding: .utf8)
        let out = try Self.temporary("locks-plan")
        let outcome = try Self.draw(street, out: out, ["--locks", street.appendingPathComponent("pins.csv").path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let locked = try GridsPlanChecker(street: street, plan: out).rows.filter { $0.building == building }
        #expect(!locked.isEmpty && locked.allSatisfy { $0.grid == grids[1] })
    }

    @Test func badInputExitsTwo() throws {
        let out = try Self.temporary("bad")
        let missing = try Self.draw(URL(fileURLWithPath: "/nonexistent/street"), out: out)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("street"))
        let street = try Self.latticeStreet("bad-current", communities: [("C01", 10, 40)])
        let current = try Self.temporary("bad-current-plan")
        try "building_id,households,community_id,grid_id\nNOPE,3,C01,C01-G01\n".write(
            to: current.appendingPathComponent("grids.csv"), atomically: true, encoding: .utf8)
        let outcome = try Self.draw(street, out: out, ["--current", current.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("NOPE") && outcome.stderr.contains("grids.csv"), "\(outcome.stderr)")
    }
}
