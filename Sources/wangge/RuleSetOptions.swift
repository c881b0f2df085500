import ArgumentParser
import Foundation
import GridModel
import GridRules

/// The rule-set options every job embeds (`@OptionGroup var rules: RuleSetOptions`): `--rules DIR` and repeatable
/// `--overlay FILE`. Without `--rules`, `Rules/` in the working directory is used if present, else the defaults
/// built into the binary.
struct RuleSetOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp("Rules folder (default: ./Rules if present, else the built-in rules).", valueName: "dir")
    )
    var rulesDirectory: String?

    @Option(
        name: .customLong("overlay"),
        help: ArgumentHelp(
            "Overlay rule file merged onto the rules; repeat to apply several in order.", valueName: "file")
    )
    var overlays: [String] = []

    /// Loads the rule set; bad rules become a bad-input failure listing every problem with file, line and column.
    func load() throws -> RuleSet {
        try Self.load(directory: rulesDirectory, overlays: overlays)
    }

    /// Loads rules from a folder (nil: ./Rules if it is a folder, else the built-in rules) with overlays.
    static func load(directory: String?, overlays: [String]) throws -> RuleSet {
        let overlayURLs = overlays.map { URL(fileURLWithPath: $0) }.map(Self.relative)
        do throws(GridRulesError) {
            if let folder = directory ?? Self.workingDirectoryRules() {
                return try RuleSet.load(directory: Self.relative(URL(fileURLWithPath: folder)), overlays: overlayURLs)
            }
            return try RuleSet.builtIn(overlays: overlayURLs)
        } catch {
            let lines = error.problems.map {
                Self.locatedInFolder($0, folder: directory ?? Self.workingDirectoryRules())
            }
            throw CommandFailure.badInput(
                lines.map(\.description).joined(separator: "\n")
                    + "\n" + Message.text("cli.rules.problems", ["problems": Counted.problems(error.problems.count)])
            )
        }
    }

    /// Base files are named relative to their folder (the rule-set identity needs that); messages name the path
    /// the user can open.
    private static func locatedInFolder(_ problem: RuleProblem, folder: String?) -> RuleProblem {
        guard let folder, !problem.location.file.contains("/"),
            problem.location.file.hasSuffix(".yaml")
                || problem.location.file.hasSuffix(".yml")
        else { return problem }
        let path = URL(fileURLWithPath: folder).appendingPathComponent(problem.location.file).path
        guard FileManager.default.fileExists(atPath: path) else { return problem }
        var located = problem
        located.location.file = (folder as NSString).appendingPathComponent(problem.location.file)
        return located
    }

    /// `Rules` when the working directory has a Rules folder.
    static func workingDirectoryRules() -> String? {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: "Rules", isDirectory: &isDirectory)
        return exists && isDirectory.boolValue ? "Rules" : nil
    }

    /// Keeps the path as the user wrote it in messages (`overlays/c03.yaml`, not an absolute path).
    private static func relative(_ url: URL) -> URL { url }
}
