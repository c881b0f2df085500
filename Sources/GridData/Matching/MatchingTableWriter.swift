import Foundation
import GridModel

/// Writes the matching job's tables (../shared/spec/data-format.md, "Other outputs"): matches.csv, unmatched.csv and
/// earnings.csv (the time-bank import format), and the job's workbook matching.xlsx.
///
/// The spec's columns come first and in order, so that the loop's next round (`--previous`) and any checker read
/// them as the contract says; after them come the names an office needs to act on a row without looking ids up:
/// the volunteer's name and phone, the service, and the resident's id, name and building (or the building of a
/// requester not in residents.csv). matches.csv and unmatched.csv name residents and are written owner-only (0600);
/// earnings.csv holds account ids, minutes and services only. No column holds a resident's category. Every cell
/// goes through the CSV writer's formula guard, and every file starts with a BOM.
public enum MatchingTableWriter {
    /// matches.csv's columns: the spec's, when the request was first dispatched, then the names.
    public static let matchesHeader = [
        "request_id", "rank", "person_id", "start", "minutes", "state", "reason", "dispatched_at",
        "name", "phone", "service", "resident_id", "resident_name", "building_id",
    ]
    /// unmatched.csv's columns: the spec's, the blocking rule, then whose request it is.
    public static let unmatchedHeader = [
        "request_id", "reason", "rule_id", "service", "resident_id", "resident_name", "building_id",
    ]
    /// earnings.csv's columns: the time-bank import format, with its optional currency and state.
    public static let earningsHeader = [
        "exchange_id", "kind", "from_account", "to_account", "minutes", "service", "date", "operator", "note",
        "currency", "state",
    ]

    /// matches.csv as text (BOM first), rows in the order given.
    /// - Complexity: O(n) in the rows, after O(r) to index the requests.
    public static func matchesText(_ rows: [MatchRow], requests: [ServiceRequest], names: PlanNames) -> String {
        let byID = index(requests)
        var text = CSVWriter.encodeHeader(matchesHeader)
        for row in rows {
            let request = byID[row.requestID]
            text += CSVWriter.encodeRow(
                [
                    row.requestID.rawValue, String(row.rank), row.personID.rawValue, row.start.description,
                    String(row.minutes), row.state.rawValue, row.reason, row.dispatchedAt?.description ?? "",
                    names.name(of: row.personID), names.phone(of: row.personID), request?.service.rawValue ?? "",
                ] + requesterCells(request, names: names))
        }
        return text
    }

    /// unmatched.csv as text (BOM first), rows in the order given.
    /// - Complexity: O(n) in the rows, after O(r) to index the requests.
    public static func unmatchedText(_ rows: [UnmatchedRow], requests: [ServiceRequest], names: PlanNames) -> String {
        let byID = index(requests)
        var text = CSVWriter.encodeHeader(unmatchedHeader)
        for row in rows {
            let request = byID[row.requestID]
            text += CSVWriter.encodeRow(
                [row.requestID.rawValue, row.reason, row.ruleID.rawValue, request?.service.rawValue ?? ""]
                    + requesterCells(request, names: names))
        }
        return text
    }

    /// earnings.csv as text (BOM first): one confirmed `earn` per row, from the issuance pool (empty
    /// `from_account`) to the volunteer's account, in minutes of time, sorted by exchange id.
    /// - Complexity: O(n log n) in the earnings.
    public static func earningsText(_ earnings: [TimeBankEarning]) -> String {
        var text = CSVWriter.encodeHeader(earningsHeader)
        for earning in earnings.sorted(by: { $0.exchangeID < $1.exchangeID }) {
            text += CSVWriter.encodeRow([
                earning.exchangeID, "earn", "", earning.personID.rawValue, String(earning.minutes),
                earning.service.rawValue, earning.date.description, earning.operatorName,
                earning.requestID.rawValue, "time", "confirmed",
            ])
        }
        return text
    }

    /// Writes matches.csv at `url` (mode 0600: it names residents).
    public static func writeMatches(
        _ rows: [MatchRow], requests: [ServiceRequest], names: PlanNames, to url: URL
    ) throws(OutputError) {
        try OwnerOnlyFile.write(matchesText(rows, requests: requests, names: names), to: url)
    }

    /// Writes unmatched.csv at `url` (mode 0600: it names residents).
    public static func writeUnmatched(
        _ rows: [UnmatchedRow], requests: [ServiceRequest], names: PlanNames, to url: URL
    ) throws(OutputError) {
        try OwnerOnlyFile.write(unmatchedText(rows, requests: requests, names: names), to: url)
    }

    /// Writes earnings.csv at `url` with `privacy` (it holds no resident's data; a folder of resident data keeps
    /// it owner-only with the rest).
    public static func writeEarnings(
        _ earnings: [TimeBankEarning], to url: URL, privacy: OutputFolder.Privacy = .shareable
    ) throws(OutputError) {
        try SafeFile.write(earningsText(earnings), to: url, privacy: privacy)
    }

    /// matching.xlsx's bytes: a sheet per CSV of `folder` (matches.csv first), built from the files as written.
    public static func workbook(inFolder folder: URL) throws(OutputError) -> Data {
        try WorkbookWriter.data(for: JobWorkbook.sheets(inFolder: folder, first: "matches.csv"))
    }

    /// Writes matching.xlsx into `folder` (mode 0600: its sheets name residents).
    public static func writeWorkbook(inFolder folder: URL) throws(OutputError) {
        let data = try workbook(inFolder: folder)
        try OwnerOnlyFile.write(data, to: folder.appendingPathComponent("matching.xlsx"))
    }

    /// Resident id, name and building; for a requester not in residents.csv, only the building.
    private static func requesterCells(_ request: ServiceRequest?, names: PlanNames) -> [String] {
        guard let request else { return ["", "", ""] }
        switch request.requester {
        case .resident(let id):
            let resident = names.resident(id)
            return [id.rawValue, resident?.name ?? "", resident?.buildingID.rawValue ?? ""]
        case .building(let building):
            return ["", "", building.rawValue]
        }
    }

    private static func index(_ requests: [ServiceRequest]) -> [RequestID: ServiceRequest] {
        Dictionary(requests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
