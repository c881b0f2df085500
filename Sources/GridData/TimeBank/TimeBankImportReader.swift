import Foundation
import GridModel

/// Reads the time-bank import format at any path (paper passbooks, the matching job's earnings.csv): `exchange_id,
/// kind, from_account, to_account, minutes, service, date, operator` and the optional `note, currency, state`; an
/// export (`wangge bank export`) adds `target, entry_hash, body`, and its confirm, void and reverse rows.
///
/// As the other readers do, it reads the file to the end and throws every problem together, with file, line,
/// column, value and what was expected. Rows come back in file order: the ledger applies them in that order.
public enum TimeBankImportReader {
    /// The largest amount a row may carry (the ledger's own limit).
    public static let largestAmount = 10_000_000

    public static func read(file: URL) throws(GridDataError) -> [TimeBankImportRow] {
        var log = RosterFileReader.newLog()
        var rows: [TimeBankImportRow] = []
        let required = ["exchange_id", "kind", "from_account", "to_account", "minutes", "service", "date", "operator"]
                let optional = ["note", "currency", "state", "target", "entry_hash", "body"]
        RosterFileReader.readTable(file, required: required, optional: optional, log: &log) {
            row, log in
            let id = row.required("exchange_id", what: Message.text("data.what.exchange_id"), log: &log)
            var kind: TimeBankImportRow.Kind?
            if let text = row.required("kind", what: Message.text("data.what.exchange_kind"), log: &log) {
                kind = TimeBankImportRow.Kind(rawValue: text.lowercased())
                if kind == nil {
                    log.add(
                        row.issue(
                            "kind", value: text, problem: Message.text("data.timebank.unknown_kind"),
                            expected: TimeBankImportRow.Kind.allCases.map(\.rawValue).joined(separator: ", ")))
                }
            }
            // Confirm, void and reverse take their target's amounts: their minutes cell is empty.
            let amount =
                kind?.movesAmount == false && row.text("minutes") == nil
                ? 0 : row.requiredInteger("minutes", in: 1...largestAmount, what: DataNoun.minutes, log: &log)
            if let kind, !kind.movesAmount, row.text("target") == nil {
                log.add(
                    row.issue(
                        "target", value: nil,
                        problem: Message.text("data.cell.missing", ["what": Message.text("data.what.exchange_id")]),
                        expected: Message.text("data.timebank.target_needed")))
            }
            let date = RosterFileReader.date(row, "date", log: &log)
            let operatorName = row.required("operator", what: Message.text("data.what.operator"), log: &log)
            let isPoints = Self.choice(row, "currency", ["time": false, "points": true], log: &log)
            let isPending = Self.choice(row, "state", ["confirmed": false, "pending": true], log: &log)
            if let kind, kind.movesAmount, kind != .earn, row.text("from_account") == nil {
                log.add(
                    row.issue(
                        "from_account", value: nil,
                        problem: Message.text("data.cell.missing", ["what": Message.text("data.what.account")]),
                        expected: Message.text("data.timebank.from_needed")))
            }
            if let kind, kind.movesAmount, kind != .redeem, row.text("to_account") == nil {
                log.add(
                    row.issue(
                        "to_account", value: nil,
                        problem: Message.text("data.cell.missing", ["what": Message.text("data.what.account")]),
                        expected: Message.text("data.cell.every_row")))
            }
            guard let id, let kind, let amount, let date, let operatorName, let isPoints, let isPending else { return }
            rows.append(
                TimeBankImportRow(
                    line: row.line, exchangeID: id, kind: kind, fromAccount: row.text("from_account"),
                    toAccount: row.text("to_account"), amount: amount, service: row.text("service"), date: date,
                    operatorName: operatorName, note: row.text("note"), isPoints: isPoints, isPending: isPending,
                    target: row.text("target"), entryHash: row.text("entry_hash"), body: row.text("body")))
        }
        guard log.isEmpty else { throw log.error() }
        return rows
    }

    /// An optional cell with a few allowed words (empty: the first meaning, false).
    private static func choice(_ row: CSVRow, _ column: String, _ words: [String: Bool], log: inout IssueLog) -> Bool? {
        guard let text = row.text(column) else { return false }
        if let value = words[text.lowercased()] { return value }
        log.add(
            row.issue(
                column, value: text, problem: Message.text("data.timebank.unknown_word"),
                expected: words.keys.sorted().joined(separator: ", ")))
        return nil
    }
}
