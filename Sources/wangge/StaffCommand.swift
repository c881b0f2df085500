import ArgumentParser

/// `wangge staff …`: staffing jobs on a plan.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Staff a plan: leaders, grid workers, sunk-down cadres, mentors, reporting party members.",
        subcommands: [StaffAssignCommand.self]
    )
}
