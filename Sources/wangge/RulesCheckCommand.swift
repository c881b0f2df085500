import ArgumentParser

/// `wangge rules check [DIR] [--overlay FILE]...`: exit 0 when the rules are clean, 2 with every problem on stderr.
struct RulesCheckCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a rules folder; problems go to stderr as file:line:column, exit 2 on any."
    )

    @OptionGroup var rules: RulesFolderArguments

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let ruleSet = try rules.load()
        let overlayNote = ruleSet.overlayFiles.isEmpty ? "" : " + \(ruleSet.overlayFiles.count) overlays"
        try StandardOutput.write(
            "ok: \(ruleSet.rules.count) rules, \(ruleSet.sources.count) sources in \(ruleSet.origin)\(overlayNote); "
                + "identity \(ruleSet.identity.hash)"
        )
    }
}
