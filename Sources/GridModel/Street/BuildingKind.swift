/// What a building is used for. Non-residential kinds go to special grids (专属网格).
public struct BuildingKind: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let residential: Self = "residential"
    public static let commercial: Self = "commercial"
    public static let school: Self = "school"
    public static let hospital: Self = "hospital"
    public static let market: Self = "market"
    public static let enterprise: Self = "enterprise"
    public static let site: Self = "site"

    /// Whether households live here (the default kind).
    public var isResidential: Bool { self == .residential }
}
