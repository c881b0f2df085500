/// How much GLPK prints to the terminal during a solve.
public enum MessageLevel: String, Sendable, Equatable, Codable {
    /// Nothing (the default; terminal output is switched off).
    case off
    /// Errors only.
    case errors
    /// GLPK's normal progress log.
    case normal
    /// Everything, for debugging.
    case all
}
