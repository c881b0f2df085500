import ArgumentParser
import Foundation
import GridModel

/// Runs the command line with the spec's exit codes: argument-parsing errors exit 2 (not ArgumentParser's 64),
/// known failures exit with their own status, and anything unexpected exits 3. The command runs, and its errors are
/// reported, in its `--lang` language (Chinese when it has none or names no language).
@main
enum WanggeMain {
    static func main() {
        // Options are checked while parsing (`--threads 0`), before the command exists: their messages follow the
        // `--lang` the arguments hold.
        let status = Language.$current.withValue(languageNamed(in: CommandLine.arguments) ?? .chinese) {
            () -> ExitStatus in
            do {
                var command = try Wangge.parseAsRoot()
                let language = (command as? any LanguageChoosing)?.languageOption.language ?? .chinese
                return Language.$current.withValue(language) {
                    do {
                        try command.run()
                        return .done
                    } catch {
                        return report(error)
                    }
                }
            } catch {
                return report(error)
            }
        }
        exit(status.rawValue)
    }

    /// The language the last `--lang VALUE` or `--lang=VALUE` of `arguments` names; nil when none does.
    static func languageNamed(in arguments: [String]) -> Language? {
        var named: Language?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count {
                named = Language(naming: arguments[index + 1])
            } else if argument.hasPrefix("--lang=") {
                named = Language(naming: String(argument.dropFirst("--lang=".count)))
            }
        }
        return named
    }

    private static func report(_ error: any Error) -> ExitStatus {
        if let exitCode = error as? ExitCode {
            return ExitStatus(rawValue: exitCode.rawValue) ?? .internalError
        }
        if let failure = error as? CommandFailure {
            if !failure.message.isEmpty { StandardError.write(failure.message) }
            return failure.status
        }
        let parserCode = Wangge.exitCode(for: error)
        if parserCode == .success {
            print(Wangge.fullMessage(for: error))
            return .done
        }
        if parserCode == .validationFailure {
            StandardError.write(Wangge.fullMessage(for: error))
            StandardError.write(Message.text("cli.usage.see_help"))
            return .badInput
        }
        StandardError.write(Message.text("cli.failure.internal", ["error": "\(error)"]))
        return .internalError
    }
}
