import ArgumentParser
import GridData
import GridModel

/// The date a job plans for, never the clock: `--week` (an ISO week) or `--as-of` (a date). Ages are counted in
/// its year (the ISO week's Thursday decides the year, as ISO 8601 does).
struct PlanDateOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Self.weekHelp, valueName: "week"))
    var week: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The date planned for, such as 2026-11-23 or 2026/11/23 (ages are counted in its year).",
            valueName: "date"))
    var asOf: String?

    /// The week, when `--week` is given; a bad week is exit 2 saying why.
    func isoWeek() throws -> ISOWeek? { try week.map(Self.parseWeek) }

    /// The year ages are computed in: `--as-of`'s, else `--week`'s; one of the two is required.
    func referenceYear() throws -> Int {
        if let asOf {
            guard let date = WrittenDate.date(asOf) else {
                throw CommandFailure.badInput(
                    Message.text("cli.option.as_of", ["value": asOf, "forms": WrittenDate.forms]))
            }
            return date.year
        }
        if let week = try isoWeek() { return week.thursday.year }
        throw CommandFailure.badInput(Message.text("cli.option.no_date"))
    }

    /// The help of every `--week` option.
    static let weekHelp = "The ISO week planned, such as 2026-W48, or a date inside it (2026-11-23, 2026/11/23)."

    /// The week (`2026-W48`, or the week of a date in it: `2026-11-23`, `2026/11/23`), or a bad-input failure that
    /// says why (`2026-W54`: 2026 has 53 weeks).
    static func parseWeek(_ text: String) throws -> ISOWeek {
        if let week = WrittenDate.week(text) { return week }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[1].first == "W",
            let number = Int(parts[1].dropFirst())
        {
            throw CommandFailure.badInput(
                Message.text(
                    "cli.option.week_out_of_range",
                    [
                        "value": text, "year": "\(year)", "number": "\(number)",
                        "last": "\(ISOWeek.weeksIn(year: year))",
                    ]))
        }
        throw CommandFailure.badInput(Message.text("cli.option.week_unreadable", ["value": text]))
    }
}
