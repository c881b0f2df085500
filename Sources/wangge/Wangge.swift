import ArgumentParser

/// The root command: one subcommand per planning job.
struct Wangge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wangge",
        abstract: "Plans community grid governance: grids, staffing, visit rosters, volunteers, time bank.",
        version: WanggeVersion.text,
        subcommands: [
            PlanCommand.self,
            ValidateCommand.self,
            GenerateCommand.self,
            SolveCommand.self,
            RulesCommand.self,
            StaffCommand.self,
            DistrictsCommand.self,
            GridsCommand.self,
            RosterCommand.self,
            RequestsCommand.self,
            BankCommand.self,
        ]
    )
}
