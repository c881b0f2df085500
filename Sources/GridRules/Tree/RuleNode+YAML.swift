import GridModel
import Yams

extension RuleNode {
    /// Composes a rule file's YAML into a node tree; syntax errors and duplicate keys become problems with the
    /// file, line and column Yams reports.
    static func parse(_ file: RuleFile) -> Result<RuleNode, GridRulesError> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: file.text)
        } catch let error as YamlError {
            return .failure(GridRulesError(problem(from: error, in: file.name)))
        } catch {
            return .failure(GridRulesError(RuleProblem(.syntax, at: wholeFile(file.name), "\(error)")))
        }
        guard let root else {
            let empty = RuleProblem(.syntax, at: wholeFile(file.name), Message.text("rules.file.empty"))
            return .failure(GridRulesError(empty))
        }
        var problems: [RuleProblem] = []
        let node = convert(root, file: file.name, problems: &problems)
        return problems.isEmpty ? .success(node) : .failure(GridRulesError(problems: problems))
    }

    private static func wholeFile(_ name: String) -> SourceLocation {
        SourceLocation(file: name, line: 0, column: 0)
    }

    private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    private static func convert(_ node: Node, file: String, problems: inout [RuleProblem]) -> RuleNode {
        let here = location(node.mark, file)
        switch node {
        case .scalar(let scalar):
            let isPlain = scalar.style == .plain || scalar.style == .any
            return RuleNode(.scalar(scalar.string, isPlain: isPlain), at: here)
        case .sequence(let sequence):
            return RuleNode(.sequence(sequence.map { convert($0, file: file, problems: &problems) }), at: here)
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    problems.append(
                        RuleProblem(
                            .wrongType, at: location(key.mark, file), Message.text("rules.yaml.key_not_plain"))
                    )
                    continue
                }
                let converted = convert(value, file: file, problems: &problems)
                entries.append(Entry(key: keyScalar.string, keyLocation: location(key.mark, file), value: converted))
            }
            return RuleNode(.mapping(entries), at: here)
        case .alias:
            problems.append(RuleProblem(.syntax, at: here, Message.text("rules.yaml.alias")))
            return RuleNode(.scalar("", isPlain: true), at: here)
        }
    }

    private static func problem(from error: YamlError, in file: String) -> RuleProblem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            // Yams words the problem itself (in English); the prefix says which kind of problem it is.
            return RuleProblem(
                .syntax, at: location(mark, file), Message.text("rules.yaml.syntax", ["problem": problem]))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = Language.current.list(duplicates.map { RuleNode.quoted($0) })
            return RuleProblem(
                .duplicateKey, at: location(context.mark, file),
                Message.text("rules.yaml.duplicate_key", ["keys": keys])
            )
        case .reader(let problem, _, _, _):
            return RuleProblem(
                .unreadable, at: wholeFile(file), Message.text("rules.file.unreadable_because", ["problem": problem]))
        default:
            return RuleProblem(.syntax, at: wholeFile(file), "\(error)")
        }
    }
}
