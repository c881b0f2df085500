import ArgumentParser
import Foundation
import GridModel

/// Runs the command line with the spec's exit codes: argument-parsing errors exit 2 (not ArgumentParser's 64),
/// known failures exit with their own status, and anything unexpected exits 3. The command runs, and its errors are
/// reported, in its `--lang` language (Chinese when it has none or parsing failed).
@main
enum WanggeMain {
    static func main() {
        let status: ExitStatus
        do {
            var command = try Wangge.parseAsRoot()
            let language = (command as? any LanguageChoosing)?.languageOption.language ?? .chinese
            status = Language.$current.withValue(language) {
                do {
                    try command.run()
                    return .done
                } catch {
                    return report(error)
                }
            }
        } catch {
            status = report(error)
        }
        exit(status.rawValue)
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
            StandardError.write("Usage: see 'wangge --help'.")
            return .badInput
        }
        StandardError.write("internal error: \(error)")
        return .internalError
    }
}
