extension ResidentCategory {
    /// The categories the data format names, by code; `mental_health_N` is named apart (its grade is an argument).
    private static let spokenNames: [ResidentCategory: Message] = [
        .elderlyAlone: Message("resident_category.elderly_alone"),
        .elderlyEmptyNest: Message("resident_category.elderly_empty_nest"),
        .elderlyDisabled: Message("resident_category.elderly_disabled"),
        .specialHardship: Message("resident_category.special_hardship"),
        .lowIncome: Message("resident_category.low_income"),
        .disabled: Message("resident_category.disabled"),
        .leftBehindChild: Message("resident_category.left_behind_child"),
        .keyPerson: Message("resident_category.key_person"),
        .communityCorrection: Message("resident_category.community_correction"),
        .ordinary: Message("resident_category.ordinary"),
    ]

    /// The category as a sentence names it: its Chinese name in Chinese (独居老人), its residents.csv code in English
    /// (elderly_alone); a category only a rule file declares is its code in both. Sensitive: for the office's own
    /// summaries and files, never for a public printout.
    public var spokenName: String {
        if let name = Self.spokenNames[self] { return name.description }
        let prefix = "mental_health_"
        if rawValue.hasPrefix(prefix), let grade = Int(rawValue.dropFirst(prefix.count)),
            self == .mentalHealth(grade: grade)
        {
            return Message.text("resident_category.mental_health", ["grade": "\(grade)"])
        }
        return rawValue
    }
}
