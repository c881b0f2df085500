/// A category of cared-for resident (residents.csv `categories`). Sensitive personal information.
public struct ResidentCategory: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let elderlyAlone: Self = "elderly_alone"
    public static let elderlyEmptyNest: Self = "elderly_empty_nest"
    public static let elderlyDisabled: Self = "elderly_disabled"
    public static let specialHardship: Self = "special_hardship"
    public static let lowIncome: Self = "low_income"
    public static let disabled: Self = "disabled"
    public static let leftBehindChild: Self = "left_behind_child"
    public static let keyPerson: Self = "key_person"
    public static let communityCorrection: Self = "community_correction"
    public static let ordinary: Self = "ordinary"

    /// Severe mental disorder (严重精神障碍) at a danger grade from 0 to 5.
    public static func mentalHealth(grade: Int) -> Self { Self(rawValue: "mental_health_\(grade)") }

    /// The categories the data format names; rules may declare more.
    public static let specified: [Self] =
        [
            .elderlyAlone, .elderlyEmptyNest, .elderlyDisabled, .specialHardship, .lowIncome, .disabled,
            .leftBehindChild, .keyPerson, .communityCorrection,
        ] + (0...5).map { mentalHealth(grade: $0) } + [.ordinary]
}
