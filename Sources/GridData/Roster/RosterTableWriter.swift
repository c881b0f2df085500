import Foundation
import GridModel

/// Writes roster.csv and unmet.csv (../shared/spec/data-format.md, "Other outputs"), mode 0600.
///
/// roster.csv carries only what a visitor needs: when, who, whom, in which grid, and the entry's reason (which the
/// planner keeps free of categories); no category column.
public enum RosterTableWriter {
    /// roster.csv's columns.
    public static let rosterHeader = ["week", "date", "slot", "person_id", "resident_id", "grid_id", "kind", "reason"]
    /// unmet.csv's columns.
    public static let unmetHeader = ["resident_id", "due", "reason"]

    /// roster.csv as text, rows in the order given.
    /// - Complexity: O(n) in the entries.
    public static func rosterText(_ entries: [RosterEntry]) -> String {
        var text = CSVWriter.encodeRow(rosterHeader)
        for entry in entries {
            text += CSVWriter.encodeRow([
                entry.week.description, entry.date.description, entry.period.code, entry.personID.rawValue,
                entry.residentID?.rawValue ?? "", entry.gridID.rawValue, entry.kind.rawValue, entry.reason,
            ])
        }
        return text
    }

    /// unmet.csv as text, rows in the order given.
    /// - Complexity: O(n) in the visits.
    public static func unmetText(_ unmet: [UnmetVisit]) -> String {
        var text = CSVWriter.encodeRow(unmetHeader)
        for visit in unmet {
            text += CSVWriter.encodeRow([visit.residentID.rawValue, visit.due.description, visit.reason])
        }
        return text
    }

    /// Writes roster.csv at `url` (mode 0600).
    public static func writeRoster(_ entries: [RosterEntry], to url: URL) throws {
        try OwnerOnlyFile.write(rosterText(entries), to: url)
    }

    /// Writes unmet.csv at `url` (mode 0600).
    public static func writeUnmet(_ unmet: [UnmetVisit], to url: URL) throws {
        try OwnerOnlyFile.write(unmetText(unmet), to: url)
    }
}
