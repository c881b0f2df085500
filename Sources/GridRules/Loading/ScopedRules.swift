/// The rules and sections of one community that overlays scope.
struct ScopedRules: Sendable {
    var rules: [Rule]
    var sections: RuleSections
}
