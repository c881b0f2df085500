import ArgumentParser

/// What a job keeps from before: the current plan and the planner's locks (`grids draw`, `staff assign`, `plan`).
struct CurrentPlanOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The current plan: a folder from `wangge plan`, or one holding grids.csv (and leaders.csv, cadres.csv) "
                + "(default: the street's own).",
            valueName: "dir"))
    var current: String?

    @Option(help: ArgumentHelp("A locks file (default: the street's locks.csv).", valueName: "file"))
    var locks: String?
}

/// The week's records a roster reads besides the street (`roster`, `plan`); nil takes the street folder's own.
struct RosterFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Past visits (default: the street's visits.csv).", valueName: "file"))
    var history: String?

    @OptionGroup var absences: AbsenceFileOptions

    var leave: String? { absences.leave }
    var calendar: String? { absences.calendar }
}

/// Who is away and which days are holidays (`roster`, `plan`, `requests dispatch`); nil takes the street folder's own.
struct AbsenceFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Leave (person_id, from, to; default: the street's leave.csv).", valueName: "file"))
    var leave: String?

    @Option(
        help: ArgumentHelp("Holidays and working weekends (default: the street's calendar.csv).", valueName: "file"))
    var calendar: String?
}
