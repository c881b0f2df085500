import ArgumentParser

/// `wangge rules show [DIR] [--overlay FILE]... [--effective]`: the merged rule set, with provenance on request.
struct RulesShowCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the merged rule set; --effective adds the file:line:column every value came from."
    )

    @OptionGroup var rules: RulesFolderArguments

    @Flag(help: "Show where every value came from.")
    var effective = false

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let ruleSet = try rules.load()
        try StandardOutput.write(ruleSet.rendered(effective: effective))
    }
}
