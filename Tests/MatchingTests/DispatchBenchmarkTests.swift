import Foundation
import GridModel
import Matching
import Testing

/// The speed figure of issue 13 (10,000 requests, 2,000 volunteers, a week): a measurement, run only when
/// `WANGGE_MATCHING_BENCHMARK` is set (to `requests,volunteers[,kept[,nodes]]`, or `1` for the issue's size; a kept
/// of 0 keeps all, nodes is `DispatchOptions.nodesPerSolve`).
@Suite("Dispatch benchmark")
struct DispatchBenchmarkTests {
    static var setting: String? { ProcessInfo.processInfo.environment["WANGGE_MATCHING_BENCHMARK"] }

    @Test("A week of requests and volunteers, timed", .enabled(if: setting != nil))
    func week() throws {
        let numbers = (Self.setting ?? "").split(separator: ",").compactMap { Int($0) }
        let requests = numbers.count >= 2 ? numbers[0] : 10_000
        let volunteers = numbers.count >= 2 ? numbers[1] : 2_000
        let kept = numbers.count >= 3 && numbers[2] > 0 ? numbers[2] : nil
        var options = DispatchOptions(volunteersPerRequest: kept)
        if numbers.count >= 4 { options.nodesPerSolve = numbers[3] }
        let problem = BenchmarkDispatchProblem.make(seed: 13, requests: requests, volunteers: volunteers)
        let rules = RandomDispatchProblem.rules()
        var shipped = rules
        shipped.maxDistanceMetres = 2000
        shipped.jobsPerDay = 3
        shipped.minutesPerDay = 240
        shipped.jobsPerWeek = 8
        shipped.minutesPerWeek = 600
        let clock = ContinuousClock()
        let start = clock.now
        let result = try Dispatcher(rules: shipped, options: options)
            .dispatch(problem)
        let elapsed = clock.now - start
        let optimal = result.parts.filter(\.isOptimal).count
        let walkingOptimal = result.parts.filter(\.isWalkingOptimal).count
        let priorityOptimal = result.parts.filter { $0.tiers.first?.status == .optimal }.count
        let worstGap = result.parts.flatMap(\.tiers).filter { $0.tier != .load }.map(\.gap).max() ?? 0
        let candidates = result.parts.map(\.candidates).reduce(0, +)
        let largest = result.parts.map(\.candidates).max() ?? 0
        let tierSeconds = DispatchTierOutcome.Tier.allCases.map { tier in
            result.parts.flatMap(\.tiers).filter { $0.tier == tier }.map(\.seconds).reduce(0, +)
        }
        print(
            "dispatch benchmark: \(requests) requests, \(volunteers) volunteers, kept \(kept.map(String.init) ?? "all"), "
                + "\(options.nodesPerSolve.map(String.init) ?? "unlimited") nodes per solve: "
                + "\(elapsed), \(result.matches.count) matched, \(result.unmatched.count) unmatched, "
                + "\(result.parts.count) parts (\(priorityOptimal) priority proven, \(walkingOptimal) walking too, "
                + "\(optimal) load too; "
                + "worst priority or walking gap \(worstGap)), \(candidates) candidates (largest part \(largest)), "
                + "GLPK seconds by tier \(tierSeconds.map { String(format: "%.2f", $0) })")
        let slowest = result.parts.sorted { $0.tiers.map(\.seconds).reduce(0, +) > $1.tiers.map(\.seconds).reduce(0, +) }
        for part in slowest.prefix(8) {
            let tiers = part.tiers.map { "\($0.tier) \($0.status) \(String(format: "%.2f s, gap %.4f", $0.seconds, $0.gap))" }
            print(
                "  part \(part.community.map(\.rawValue) ?? "-") day \(part.day ?? -1): \(part.requests) requests, "
                    + "\(part.candidates) candidates: \(tiers.joined(separator: "; "))")
        }
        #expect(result.matches.count + result.unmatched.count == requests)
    }
}
