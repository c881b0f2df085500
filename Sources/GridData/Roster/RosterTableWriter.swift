import Foundation
import GridModel

/// Writes roster.csv and unmet.csv (../shared/spec/data-format.md, "Other outputs"), mode 0600.
///
/// The spec's columns come first and in order, so that readers of the contract (the roster's `--pinned`) read the
/// files as before; after them come the names an office needs to act on a row without looking ids up: the
/// visitor's name, phone and department, the community and grid names, and the resident's name and address
/// (building, unit, floor) as the office's residents.csv holds them. These are office files, owner-only; the
/// printouts and calendars mask names and leave floors out. No column holds a category, and the entry's reason is
/// kept free of categories by the planner.
public enum RosterTableWriter {
    /// roster.csv's columns: the spec's, then the names.
    public static let rosterHeader = [
        "week", "date", "slot", "person_id", "resident_id", "grid_id", "kind", "reason",
        "name", "phone", "department_name", "community_name", "grid_name",
        "resident_name", "building_id", "unit", "floor",
    ]
    /// unmet.csv's columns: the spec's, then where the resident lives and whose grid it is.
    public static let unmetHeader = [
        "resident_id", "due", "reason",
        "resident_name", "community_name", "grid_id", "grid_name", "building_id", "unit", "floor",
    ]

    /// roster.csv as text (BOM first), rows in the order given.
    /// - Complexity: O(n) in the entries.
    public static func rosterText(_ entries: [RosterEntry], names: PlanNames) -> String {
        var text = CSVWriter.encodeHeader(rosterHeader)
        for entry in entries {
            let person = entry.personID
            text += CSVWriter.encodeRow(
                [
                    entry.week.description, entry.date.description, entry.period.code, person.rawValue,
                    entry.residentID?.rawValue ?? "", entry.gridID.rawValue, entry.kind.rawValue, entry.reason,
                    names.name(of: person), names.phone(of: person), names.departmentName(of: person),
                    names.communityName(ofGrid: entry.gridID), names.gridName(entry.gridID),
                ] + residentCells(names.resident(entry.residentID)))
        }
        return text
    }

    /// unmet.csv as text (BOM first), rows in the order given.
    /// - Complexity: O(n) in the visits.
    public static func unmetText(_ unmet: [UnmetVisit], names: PlanNames) -> String {
        var text = CSVWriter.encodeHeader(unmetHeader)
        for visit in unmet {
            let resident = names.resident(visit.residentID)
            let address = residentCells(resident)
            text += CSVWriter.encodeRow([
                visit.residentID.rawValue, visit.due.description, visit.reason,
                address[0], names.communityName(ofGrid: visit.gridID), visit.gridID?.rawValue ?? "",
                names.gridName(visit.gridID), address[1], address[2], address[3],
            ])
        }
        return text
    }

    /// Writes roster.csv at `url` (mode 0600).
    public static func writeRoster(_ entries: [RosterEntry], names: PlanNames, to url: URL) throws {
        try OwnerOnlyFile.write(rosterText(entries, names: names), to: url)
    }

    /// Writes unmet.csv at `url` (mode 0600).
    public static func writeUnmet(_ unmet: [UnmetVisit], names: PlanNames, to url: URL) throws {
        try OwnerOnlyFile.write(unmetText(unmet, names: names), to: url)
    }

    /// Name, building, unit, floor; four empty cells for a door-knocking round.
    private static func residentCells(_ resident: Resident?) -> [String] {
        guard let resident else { return ["", "", "", ""] }
        let floor = resident.floor.map(String.init) ?? ""
        return [resident.name ?? "", resident.buildingID.rawValue, resident.unit ?? "", floor]
    }
}
