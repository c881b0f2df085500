/// The type of a residential compound (小区类型), which sets building shapes and some rules.
public struct CompoundType: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A commodity-housing compound, usually high-rise (商品房小区).
    public static let residential: Self = "residential"
    /// An old walk-up compound (老旧小区).
    public static let old: Self = "old"
    /// A work-unit compound (单位小区).
    public static let workUnit: Self = "work_unit"
    /// A transitional or resettlement compound (过渡/安置).
    public static let transitional: Self = "transitional"
    /// An urban village (城中村).
    public static let village: Self = "village"
    /// A commercial site (商圈楼宇) with no households.
    public static let commercial: Self = "commercial"
}
