import ArgumentParser
import GridModel
import GridRules

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
        let overlays =
            ruleSet.overlayFiles.isEmpty
            ? "" : Message.text("cli.rules.overlays", ["n": "\(ruleSet.overlayFiles.count)"])
        let origin: String
        switch ruleSet.origin {
        case .directory(let path): origin = path
        case .builtIn: origin = Message.text("cli.rules.built_in")
        }
        let arguments = [
            "rules": "\(ruleSet.rules.count)", "sources": "\(ruleSet.sources.count)", "origin": origin,
            "overlays": overlays, "identity": ruleSet.identity.hash,
        ]
        try StandardOutput.write(Message.text("cli.rules.ok", arguments))
    }
}
