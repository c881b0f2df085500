import Foundation
import GridData
import GridModel
import GridRules
import Rostering

/// Writes a roster's files into its part of the output folder, with the folder's privacy (owner-only for a roster):
/// roster.csv, unmet.csv, roster.ics and roster.html (kpis.json and run.json go through the one JSON writer).
struct RosterOutputWriter {
    let street: Street
    let ruleSet: RuleSet
    /// The names roster.csv and unmet.csv carry after their ids.
    let names: PlanNames

    func write(_ result: RosterResult, week: ISOWeek, into folder: JobFolder) throws {
        try folder.write("roster.csv", text: RosterTableWriter.rosterText(result.entries, names: names))
        try folder.write("unmet.csv", text: RosterTableWriter.unmetText(result.unmet, names: names))
        try folder.write("roster.ics", text: RosterICSWriter(street: street).text(result.entries, week: week))
        let visits = ruleSet.visits
        let categoryWords =
            visits.categories.flatMap { [$0.category.rawValue] + ($0.label.map { [$0] } ?? []) }
            + visits.sensitiveCategories.value.map(\.rawValue)
        let html = RosterHTMLWriter(
            street: street, hiddenRuleIDs: Set(ruleSet.sensitiveRuleIDs.map(\.rawValue)), categoryWords: categoryWords)
        try folder.write("roster.html", text: html.text(result.entries, week: week))
    }
}
