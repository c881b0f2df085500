import Foundation
import GridData
import GridModel
import GridRules
import Rostering

/// Writes a roster's files into a folder, each readable by its owner only: roster.csv, unmet.csv, roster.ics,
/// roster.html, kpis.json (with the rule-set identity) and run.json (seconds per stage).
struct RosterOutputWriter {
    let directory: URL
    let street: Street
    let ruleSet: RuleSet

    /// kpis.json: the planner's figures, then the rule-set identity, the seed and the warnings; deterministic.
    struct KPIsFile: Encodable {
        var kpis: RosterKPIs
        var ruleSet: RuleSetIdentity
        var seed: UInt64
        var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case ruleSet, seed, warnings
        }

        func encode(to encoder: any Encoder) throws {
            try kpis.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ruleSet, forKey: .ruleSet)
            try container.encode(seed, forKey: .seed)
            try container.encode(warnings, forKey: .warnings)
        }
    }

    func write(_ result: RosterResult, week: ISOWeek, seed: UInt64) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try RosterTableWriter.writeRoster(result.entries, to: file("roster.csv"))
        try RosterTableWriter.writeUnmet(result.unmet, to: file("unmet.csv"))
        try RosterICSWriter(street: street).write(result.entries, week: week, to: file("roster.ics"))
        let visits = ruleSet.visits
        let categoryWords =
            visits.categories.flatMap { [$0.category.rawValue] + ($0.label.map { [$0] } ?? []) }
            + visits.sensitiveCategories.value.map(\.rawValue)
        try RosterHTMLWriter(
            street: street, hiddenRuleIDs: Set(ruleSet.sensitiveRuleIDs.map(\.rawValue)), categoryWords: categoryWords
        ).write(result.entries, week: week, to: file("roster.html"))
        let kpis = KPIsFile(
            kpis: result.kpis, ruleSet: ruleSet.identity, seed: seed, warnings: result.warnings)
        try OwnerOnlyFile.write(try json(kpis), to: file("kpis.json"))
    }

    /// run.json: seconds per stage, the one thing that varies between runs of the same input.
    func writeRun(seconds: [String: Double]) throws {
        struct Run: Encodable {
            var seconds: [String: Double]
        }
        let run = Run(seconds: seconds)
        try OwnerOnlyFile.write(try json(run), to: file("run.json"))
    }

    private func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

    private func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
