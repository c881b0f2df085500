import Foundation
import GridModel

/// Reads a time-bank accounts file: `account_id, kind` and the optional `person_id, birth_year`. Every problem is
/// thrown together, with file, line, column, value and what was expected.
public enum TimeBankAccountsReader {
    public static func read(file: URL) throws(GridDataError) -> [TimeBankAccountRow] {
        var log = RosterFileReader.newLog()
        var rows: [TimeBankAccountRow] = []
        RosterFileReader.readTable(
            file, required: ["account_id", "kind"], optional: ["person_id", "birth_year"], log: &log
        ) { row, log in
            let id = row.required("account_id", what: Message.text("data.what.account"), log: &log)
            var kind: String?
            if let text = row.required("kind", what: Message.text("data.what.account"), log: &log) {
                if TimeBankAccountRow.kinds.contains(text.lowercased()) {
                    kind = text.lowercased()
                } else {
                    log.add(
                        row.issue(
                            "kind", value: text, problem: Message.text("data.timebank.unknown_word"),
                            expected: Message.text("data.timebank.account_kind")))
                }
            }
            let year = row.integer("birth_year", in: 1880...2200, what: DataNoun.birthYear, log: &log)
            guard let id, let kind else { return }
            rows.append(
                TimeBankAccountRow(
                    line: row.line, accountID: id, kind: kind, personID: row.text("person_id"), birthYear: year))
        }
        guard log.isEmpty else { throw log.error() }
        return rows
    }
}
