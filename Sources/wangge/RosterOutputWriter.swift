import Foundation
import GridData
import GridModel
import GridRules
import Rostering

/// Writes a roster's files into a folder, each readable by its owner only: roster.csv, unmet.csv, roster.ics,
/// and roster.html (kpis.json and run.json go through the one JSON writer).
struct RosterOutputWriter {
    let directory: URL
    let street: Street
    let ruleSet: RuleSet

    func write(_ result: RosterResult, week: ISOWeek) throws {
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
    }

    private func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
}
