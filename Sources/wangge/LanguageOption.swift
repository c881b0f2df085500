import ArgumentParser
import GridModel

/// `--lang zh|en`, on every command: the language of messages, summaries and CSV reasons. Chinese by default,
/// whatever the machine's locale; printouts are bilingual either way.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "Language of messages, summaries and reasons: zh (中文, the default) or en.", valueName: "zh|en"))
    var name: String = Language.chinese.rawValue

    func validate() throws {
        guard Language(naming: name) != nil else {
            throw ValidationError(Message.text("cli.option.lang", ["value": name]))
        }
    }

    /// The language named; Chinese when the name is not one (validation has already refused it).
    var language: Language { Language(naming: name) ?? .chinese }
}

/// A command that takes `--lang`; WanggeMain runs it, and reports its errors, in that language.
protocol LanguageChoosing {
    var languageOption: LanguageOption { get }
}
