import Foundation
import GridModel

/// Every planning rule, read from Rules/*.yaml (or the defaults built into the binary) with overlays merged,
/// validated, and typed for the jobs.
///
/// Jobs read typed sections: `ruleSet.grid.householdsPerGrid.value` (a `ClosedRange<Int>`) with its `ruleID`,
/// `ruleSet.visits.requirement(for: categories, age:)`, `ruleSet.staffing.microGridLeader.eligible`, and for a
/// community that an overlay scopes, `ruleSet.grid(for: community)`. Every job writes `identity.hash` into its
/// kpis.json.
public struct RuleSet: Sendable {
    /// Where the base files came from.
    public enum Origin: Hashable, Sendable, CustomStringConvertible {
        /// A rules folder.
        case directory(String)
        /// The defaults built into the binary.
        case builtIn

        /// Words for messages, in the command's language.
        public var description: String {
            switch self {
            case .directory(let path): return path
            case .builtIn: return Message.text("rules.origin.built_in")
            }
        }
    }

    /// Source kinds sources.yaml may use.
    static let sourceKinds = ["seed", "spec", "design", "standard", "policy", "city", "practice", "software"]

    /// Where the base files came from.
    public let origin: Origin
    /// The rule-set identity (hash over files and overlays).
    public let identity: RuleSetIdentity
    /// The base files' relative names, sorted.
    public let files: [String]
    /// The overlays, in the order applied.
    public let overlayFiles: [String]
    /// The documents rules may cite, sorted by id.
    public let sources: [RuleSource]
    /// Every rule with unscoped overlays applied, in file order (base files by name, then rules added by overlays).
    public let rules: [Rule]
    private let sections: RuleSections
    private let scoped: [CommunityID: ScopedRules]
    /// Ids of rules about sensitive categories (their scope or any parameter names one); these never appear on
    /// public printouts.
    public let sensitiveRuleIDs: Set<RuleID>

    init(
        origin: Origin, identity: RuleSetIdentity, files: [String], overlayFiles: [String], sources: [RuleSource],
        baseRules: [Rule], sections: RuleSections, scoped: [CommunityID: ScopedRules]
    ) {
        self.origin = origin
        self.identity = identity
        self.files = files
        self.overlayFiles = overlayFiles
        self.sources = sources
        self.rules = baseRules
        self.sections = sections
        self.scoped = scoped
        let sensitive = Set(sections.visits.sensitiveCategories.value.map(\.rawValue))
        let all = baseRules + scoped.values.flatMap(\.rules)
        sensitiveRuleIDs = Set(
            all.filter { rule in
                rule.scope.categories.contains { sensitive.contains($0.rawValue) }
                    || rule.parameters.allScalars.contains(where: sensitive.contains)
            }.map(\.id)
        )
    }

    // MARK: - Typed sections

    /// Grid-drawing rules everywhere no overlay scopes a community.
    public var grid: GridDrawingRules { sections.grid }
    /// Staffing rules.
    public var staffing: StaffingRules { sections.staffing }
    /// Visit rules.
    public var visits: VisitRules { sections.visits }
    /// Matching rules.
    public var matching: MatchingRules { sections.matching }
    /// Time-bank rules.
    public var timeBank: TimeBankRules { sections.timeBank }

    /// Grid rules in a community (its scoped overlays applied).
    public func grid(for community: CommunityID) -> GridDrawingRules { scoped[community]?.sections.grid ?? grid }
    /// Staffing rules in a community.
    public func staffing(for community: CommunityID) -> StaffingRules {
        scoped[community]?.sections.staffing ?? staffing
    }
    /// Visit rules in a community.
    public func visits(for community: CommunityID) -> VisitRules { scoped[community]?.sections.visits ?? visits }
    /// Matching rules in a community.
    public func matching(for community: CommunityID) -> MatchingRules {
        scoped[community]?.sections.matching ?? matching
    }
    /// Time-bank rules in a community.
    public func timeBank(for community: CommunityID) -> TimeBankRules {
        scoped[community]?.sections.timeBank ?? timeBank
    }

    /// Communities that some overlay scopes, sorted.
    public var scopedCommunities: [CommunityID] { scoped.keys.sorted() }

    // MARK: - Rules

    /// A rule by id (unscoped overlays applied).
    public func rule(_ id: RuleID) -> Rule? { rules.first { $0.id == id } }

    /// A rule by id as it applies in a community.
    public func rule(_ id: RuleID, in community: CommunityID) -> Rule? {
        scoped[community]?.rules.first { $0.id == id } ?? rule(id)
    }

    /// The rules that differ in a community from the unscoped set, sorted by id.
    public func rulesScoped(to community: CommunityID) -> [Rule] {
        guard let local = scoped[community] else { return [] }
        return local.rules.filter { rule in self.rule(rule.id)?.entry != rule.entry }.sorted { $0.id < $1.id }
    }

    /// A source by id.
    public func source(_ id: String) -> RuleSource? { sources.first { $0.id == id } }

    // MARK: - Sensitive rules

    /// Whether a rule id may not appear on a public printout.
    public func isSensitive(_ id: RuleID) -> Bool { sensitiveRuleIDs.contains(id) }

    /// The ids fit for a public printout, in their order.
    public func publicRuleIDs(_ ids: [RuleID]) -> [RuleID] {
        let hidden = sensitiveRuleIDs
        return ids.filter { !hidden.contains($0) }
    }

    // MARK: - Loading

    /// Whether text is a valid rule id: lower-case letters, digits, `_`, `-`, joined by `.`.
    static func isValidRuleID(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
                    || scalar == "."
            }
    }

    /// Loads base files and overlays already in memory.
    public static func load(
        files: [RuleFile], overlays: [RuleFile] = [], origin: Origin = .builtIn
    ) throws(GridRulesError) -> RuleSet {
        let defaultSources = EmbeddedRules.files.first { $0.name == "sources.yaml" }
        return try RuleSetLoader.load(base: files, overlays: overlays, defaultSources: defaultSources, origin: origin)
    }

    /// The defaults built into the binary (a copy of Rules/*.yaml, checked by a test).
    public static func builtIn(overlays: [RuleFile] = []) throws(GridRulesError) -> RuleSet {
        try load(files: EmbeddedRules.files, overlays: overlays, origin: .builtIn)
    }

    /// Loads every `*.yaml` file of a rules folder (not its subfolders), plus overlay files by path. A folder
    /// without sources.yaml uses the built-in source list.
    public static func load(directory: URL, overlays: [URL] = []) throws(GridRulesError) -> RuleSet {
        let base = try readDirectory(directory)
        let overlayFiles = try readOverlays(overlays)
        return try load(files: base, overlays: overlayFiles, origin: .directory(directory.relativePath))
    }

    /// Loads the built-in defaults with overlay files by path.
    public static func builtIn(overlays: [URL]) throws(GridRulesError) -> RuleSet {
        try builtIn(overlays: readOverlays(overlays))
    }

    /// Reads overlay files by path, each named as given; the problems of every file are thrown together.
    static func readOverlays(_ overlays: [URL]) throws(GridRulesError) -> [RuleFile] {
        var files: [RuleFile] = []
        var problems: [RuleProblem] = []
        for url in overlays {
            do throws(GridRulesError) {
                files.append(try readFile(url, name: url.relativePath))
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw GridRulesError(problems: problems) }
        return files
    }

    static func readDirectory(_ directory: URL) throws(GridRulesError) -> [RuleFile] {
        let here = SourceLocation(file: directory.relativePath, line: 0, column: 0)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw GridRulesError(
                RuleProblem(
                    .unreadable, at: here,
                    Message.text("rules.folder.unreadable", ["problem": error.localizedDescription])))
        }
        let yaml = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !yaml.isEmpty else {
            throw GridRulesError(RuleProblem(.unreadable, at: here, Message.text("rules.folder.no_yaml")))
        }
        var files: [RuleFile] = []
        var problems: [RuleProblem] = []
        for name in yaml {
            do throws(GridRulesError) {
                files.append(try readFile(directory.appendingPathComponent(name), name: name))
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw GridRulesError(problems: problems) }
        return files
    }

    static func readFile(_ url: URL, name: String) throws(GridRulesError) -> RuleFile {
        let here = SourceLocation(file: name, line: 0, column: 0)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw GridRulesError(RuleProblem(.unreadable, at: here, Message.text("rules.file.unreadable")))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GridRulesError(RuleProblem(.unreadable, at: here, Message.text("rules.file.not_utf8")))
        }
        return RuleFile(name: name, text: text)
    }
}
