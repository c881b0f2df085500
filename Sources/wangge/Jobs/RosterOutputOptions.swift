import ArgumentParser

/// Which of a roster's optional files to write (`roster`, `plan`).
struct RosterOutputOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Also write roster.ics, one calendar of every visitor's events (masked names, with floors), for the "
                + "office; each visitor's own calendar is in calendars/ either way."))
    var streetCalendar = false
}
