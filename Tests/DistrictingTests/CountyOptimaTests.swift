import Foundation
import GridData
import PlanningSupport
import Testing

@testable import Districting

/// The published cut-edge optima of Validi & Buchanan (table 8) on county graphs, reached and proven by the exact
/// part enumeration, each partition checked against the JSON file by `NodeLinkChecker`.
@Suite struct CountyOptimaTests {
    static let counties = [
        DistrictingPartitionTests.County(file: "county23", parts: 2, min: 660_860, max: 667_501, optimum: 16),
        DistrictingPartitionTests.County(file: "county35", parts: 3, min: 682_962, max: 689_824, optimum: 17),
        DistrictingPartitionTests.County(file: "county16", parts: 2, min: 779_873, max: 787_709, optimum: 10),
        DistrictingPartitionTests.County(file: "county54", parts: 3, min: 614_577, max: 620_752, optimum: 23),
        DistrictingPartitionTests.County(file: "county31", parts: 3, min: 605_737, max: 611_824, optimum: 19),
    ]

    static func request(
        _ county: DistrictingPartitionTests.County
    ) throws -> (DistrictingRequest, NodeLinkGraph, Data) {
        let data = try DistrictingPartitionTests.fixture(county.file)
        let file = try NodeLinkGraph(data: data, file: county.file, weightKey: "TOTPOP")
        let request = DistrictingRequest(
            graph: file.graph, parts: county.parts, bounds: DistrictingBounds(min: county.min, max: county.max),
            objective: .cutEdges
        )
        return (request, file, data)
    }

    @Test(arguments: counties)
    func enumerationProvesThePublishedOptimum(county: DistrictingPartitionTests.County) throws {
        let (request, file, data) = try Self.request(county)
        let search = try #require(CutEdgeEnumeration(request: request))
        let answer = search.solve(upper: nil, deadline: Deadline(seconds: 60))
        #expect(answer.finished)
        #expect(answer.bound == county.optimum)
        let part = try #require(answer.part)
        let checker = try NodeLinkChecker(data: data, weightKey: "TOTPOP")
        let parts = Dictionary(uniqueKeysWithValues: zip(file.ids, part))
        let (problems, cut) = checker.check(parts: parts, count: county.parts, min: county.min, max: county.max)
        #expect(problems.isEmpty, "\(problems)")
        #expect(cut == county.optimum)
    }

    @Test func westVirginiaIsProvenOptimalByTheSolver() throws {
        let county = Self.counties[3]
        let (request, _, _) = try Self.request(county)
        let result = try PartitionSolver(options: .init(timeLimit: 60, starts: 2)).solve(request)
        #expect(result.status == .optimal)
        #expect(result.objective == Double(county.optimum))
        #expect(result.bound == Double(county.optimum))
        #expect(result.deviations.isEmpty)
    }
}
