import Foundation
import Testing

/// Runs the built `wangge` binary as a user would.
enum WanggeBinary {
    static var url: URL {
        // The test runner lives in the build products folder (or a bundle inside it), beside the executable.
        let bundle = Bundle.main.bundleURL
        var directory = bundle
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("wangge")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return bundle.deletingLastPathComponent().appendingPathComponent("wangge")
    }

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        try launch(url, inEnglish(arguments), in: directory)
    }

    /// `arguments` with `--lang en` added to a command that does not choose a language: these suites read the
    /// engine's English wording; ChineseOutputTests checks the default language.
    static func inEnglish(_ arguments: [String]) -> [String] {
        guard let first = arguments.first, !first.hasPrefix("-"), !arguments.contains("--lang"),
            !arguments.contains("--help"), !arguments.contains("help")
        else { return arguments }
        return arguments + ["--lang", "en"]
    }

    /// Runs `executable` and waits: its exit status (128 + the signal when a signal ended it, as a shell reports
    /// it, so that a crash never passes for exit 0 or 1), stdout and stderr.
    static func launch(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let signalled = process.terminationReason == .uncaughtSignal
        return Outcome(
            status: signalled ? 128 + process.terminationStatus : process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }
}

@Suite struct CommandLineTests {
    @Test func helpListsEverySubcommand() throws {
        let outcome = try WanggeBinary.run(["--help"])
        #expect(outcome.status == 0)
        for name in ["validate", "generate", "solve", "rules"] {
            #expect(outcome.stdout.contains(name))
        }
    }

    @Test func argumentErrorsExitTwo() throws {
        let outcome = try WanggeBinary.run(["--no-such-flag"])
        #expect(outcome.status == 2)
        #expect(!outcome.stderr.isEmpty)
    }

    @Test func unknownSubcommandExitsTwo() throws {
        #expect(try WanggeBinary.run(["frobnicate"]).status == 2)
    }
}
