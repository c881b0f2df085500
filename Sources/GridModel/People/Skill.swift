/// A skill a person offers (people.csv `skills`); the rules' service catalogue may add more.
public struct Skill: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let legal: Self = "legal"
    public static let medical: Self = "medical"
    public static let psychological: Self = "psychological"
    public static let elderlyCare: Self = "elderly_care"
    public static let disabilityHelp: Self = "disability_help"
    public static let culture: Self = "culture"
    public static let tutoring: Self = "tutoring"
    public static let repair: Self = "repair"
    public static let mediation: Self = "mediation"
    public static let policy: Self = "policy"
}
