import Foundation
import GridModel

extension RosterFileReader {
    /// calendar.csv at any path: `date, kind` with kind `holiday` or `workday` (a 调休 working weekend); the
    /// Chinese words of ``ValueAliases/calendarKinds`` (节假日, 调休上班 …) are accepted. Sorted by date.
    ///
    /// Problems: a missing file, a missing or invalid date, an unknown kind, a date listed twice.
    public func readCalendar(file: URL) throws(GridDataError) -> [CalendarDay] {
        var log = Self.newLog()
        var days: [CalendarDay] = []
        var lineOfDate: [CalendarDate: Int] = [:]
        Self.readTable(file, required: ["date", "kind"], log: &log) { row, log in
            let date = Self.date(row, "date", log: &log)
            var kind: CalendarDay.Kind?
            if let text = row.required("kind", what: DataNoun.dayKind, log: &log) {
                kind = Self.calendarKind(text)
                if kind == nil {
                    log.add(
                        row.issue(
                            "kind", value: text, problem: Message.text("data.calendar.unknown_day_kind"),
                            expected: Message.text(
                                "data.calendar.day_kinds", ["chinese_names": Language.current.list(["节假日", "调休上班"])])))
                }
            }
            guard let date else { return }
            if let first = lineOfDate[date] {
                log.add(
                    row.issue(
                        "date", value: date.description,
                        problem: Message.text("data.calendar.date_twice", ["line": "\(first)"]),
                        expected: Message.text("data.calendar.one_row_per_date")))
                return
            }
            lineOfDate[date] = row.line
            guard let kind else { return }
            days.append(CalendarDay(date: date, kind: kind))
        }
        guard log.isEmpty else { throw log.error() }
        return days.sorted { $0.date < $1.date }
    }

    static func calendarKind(_ text: String) -> CalendarDay.Kind? {
        if let kind = CalendarDay.Kind(rawValue: ColumnAliases.normalise(text)) { return kind }
        let trimmed = ColumnAliases.trimmed(text)
        return ValueAliases.calendarKinds.first { $0.alias == trimmed }?.kind
    }
}
