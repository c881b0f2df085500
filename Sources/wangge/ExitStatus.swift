/// The exit codes every command uses (../shared/spec/data-format.md, "Exit codes").
enum ExitStatus: Int32 {
    /// Done.
    case done = 0
    /// A plan was written but some rule is unmet (shortfall, unmet visits, a stated deviation).
    case ruleUnmet = 1
    /// Bad input or usage, argument-parsing errors included.
    case badInput = 2
    /// Internal error.
    case internalError = 3
}
