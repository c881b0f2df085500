import ArgumentParser
import GridModel
import GridRules

/// `wangge rules explain RULE_ID [--rules DIR] [--overlay FILE]...`: what a rule says, where it applies, its source.
struct RulesExplainCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one rule: what it says, where it applies, its level and source, where its values came from."
    )

    @Argument(help: ArgumentHelp("The rule id, e.g. grid.households_per_grid.", valueName: "rule-id"))
    var ruleID: String

    @OptionGroup var rules: RuleSetOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let ruleSet = try rules.load()
        guard let text = ruleSet.explanation(of: RuleID(ruleID)) else {
            let ids = ruleSet.rules.map(\.id.rawValue)
            let nearest = ids.min { lhs, rhs in distance(lhs) < distance(rhs) }
            let suggestion = nearest.map { Message.text("cli.rules.did_you_mean", ["id": $0]) } ?? ""
            throw CommandFailure.badInput(
                Message.text("cli.rules.unknown_id", ["id": ruleID, "suggestion": suggestion]))
        }
        try StandardOutput.write(text)
    }

    /// A rough closeness for the suggestion: shared prefix length, negated, then length difference.
    private func distance(_ candidate: String) -> Int {
        let shared = zip(candidate, ruleID).prefix { $0 == $1 }.count
        return -shared * 100 + abs(candidate.count - ruleID.count)
    }
}
