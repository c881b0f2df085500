import GridModel

/// Collects problems while a rule set is read, and holds what later reads check references against:
/// the sources, and the category, skill and compound-type vocabularies.
final class RuleReadContext {
    private(set) var problems: Set<RuleProblem> = []
    var sources: [String: RuleSource] = [:]
    var categories: Set<String> = Set(ResidentCategory.specified.map(\.rawValue))
    var skills: Set<String> = []
    var compoundTypes: Set<String> = []

    func report(_ code: RuleProblem.Code, at location: SourceLocation, _ message: String) {
        problems.insert(RuleProblem(code, at: location, message))
    }

    /// Reads a rule's `parameters` mapping allowing `keys`; nil (with a problem) when it is not a mapping.
    func parameters(of rule: Rule, keys: [String]) -> ParameterMap? {
        ParameterMap(rule.parameters, keys: keys, ruleID: rule.id, path: "parameters", context: self)
    }
}
