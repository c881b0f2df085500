import Foundation
import GridData
import GridModel
import GridRules
import GridSynthesis
import Testing

@testable import GridDrawing

/// The quality certificate in kpis: every plan's own measure, recomputed here, is at least the bound, per community
/// and for the street; on plans the job draws the gap is small.
@Suite struct GridPlanCertificateTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Per community, Σ households × distance to the grid's household-weighted centroid and the households, over
    /// residential rows in grids holding residential households only (the measure's definition, written apart).
    static func measure(_ rows: [GridAssignment], street: Street, ruleSet: RuleSet)
        -> [CommunityID: (weighted: Double, households: Int)]
    {
        let position = Dictionary(uniqueKeysWithValues: street.buildings.map { ($0.id, $0.position) })
        let special = Set(rows.filter {
            !$0.kind.isResidential || ruleSet.grid(for: $0.communityID).specialGridKinds.value.contains($0.kind)
        }.map(\.gridID))
        let counted = rows.filter { !special.contains($0.gridID) && $0.households > 0 }
        var sums: [GridID: (x: Double, y: Double, h: Int)] = [:]
        for row in counted {
            guard let p = position[row.buildingID] else { continue }
            let old = sums[row.gridID] ?? (0, 0, 0)
            sums[row.gridID] = (old.x + Double(row.households) * p.x, old.y + Double(row.households) * p.y,
                                old.h + row.households)
        }
        var result: [CommunityID: (weighted: Double, households: Int)] = [:]
        for row in counted {
            guard let p = position[row.buildingID], let sum = sums[row.gridID] else { continue }
            let centre = PlanarPoint(x: sum.x / Double(sum.h), y: sum.y / Double(sum.h))
            let old = result[row.communityID] ?? (0, 0)
            result[row.communityID] = (old.weighted + Double(row.households) * p.distance(to: centre),
                                       old.households + row.households)
        }
        return result
    }

    static func bounds(_ street: Street, ruleSet: RuleSet) -> [CommunityID: GridJobResult.CommunityBounds] {
        var bounds: [CommunityID: GridJobResult.CommunityBounds] = [:]
        for community in Set(street.buildings.map(\.communityID)) {
            let rules = ruleSet.grid(for: community)
            bounds[community] = GridJobResult.CommunityBounds(
                grid: rules.householdsPerGrid.value, microGrid: rules.householdsPerMicroGrid.value,
                ruleID: rules.householdsPerGrid.ruleID.rawValue, microRuleID: rules.householdsPerMicroGrid.ruleID.rawValue,
                source: "")
        }
        return bounds
    }

    /// The kpis' bounds against the independently measured values; returns the street's gap.
    @discardableResult
    static func expectBounded(_ kpis: GridPlanKPIs, rows: [GridAssignment], street: Street, ruleSet: RuleSet) -> Double {
        let measured = measure(rows, street: street, ruleSet: ruleSet)
        var weighted = 0.0, households = 0
        for figures in kpis.perCommunity {
            guard let own = measured[figures.communityID], own.households > 0 else { continue }
            weighted += own.weighted
            households += own.households
            let mean = own.weighted / Double(own.households)
            #expect(figures.meanDistanceLowerBoundM <= mean, "\(figures.communityID): bound above the plan's \(mean)")
            #expect(figures.meanDistanceLowerBoundM > 0)
            #expect(abs(figures.meanDistanceGap - (mean - figures.meanDistanceLowerBoundM) / mean) < 0.002)
        }
        let mean = weighted / Double(max(households, 1))
        #expect(kpis.meanDistanceLowerBoundM <= mean)
        return (mean - kpis.meanDistanceLowerBoundM) / mean
    }

    @Test func theSampleStreetsCommittedPlanIsAboveItsBound() throws {
        let street = try StreetLoader.load(from: Self.repository.appendingPathComponent("Scenarios/sample-street"))
        let rows = try PlanFolderReader(street: street).readGrids(
            in: Self.repository.appendingPathComponent("Tests/PlanningTestFixtures/Fixtures/staffing/sample-plan"))
        let ruleSet = try RuleSet.builtIn()
        let result = GridJobResult(
            assignments: rows, findings: [], warnings: [], bounds: Self.bounds(street, ruleSet: ruleSet))
        let kpis = GridPlanMeasures.measure(street: street, result: result, current: nil, ruleSet: ruleSet, threads: 2)
        Self.expectBounded(kpis, rows: rows, street: street, ruleSet: ruleSet)
    }

    @Test(arguments: [1, 2] as [UInt64]) func aDrawnPlanIsCloseToItsBound(seed: UInt64) throws {
        let street = try StreetGenerator(seed: seed, households: 4_000).generate()
        let ruleSet = try RuleSet.builtIn()
        let result = GridJob(ruleSet: ruleSet, seed: seed).run(street)
        let kpis = GridPlanMeasures.measure(street: street, result: result, current: nil, ruleSet: ruleSet, threads: 2)
        let gap = Self.expectBounded(kpis, rows: result.assignments, street: street, ruleSet: ruleSet)
        // Measured 6–9 % on 20,000-household streets (the relaxation's own gap; grids_baseline.md): 12 % is a regression.
        #expect(gap <= 0.12, "seed \(seed): street gap \(gap)")
        #expect(abs(kpis.meanDistanceGap - gap) < 0.002)
    }
}
