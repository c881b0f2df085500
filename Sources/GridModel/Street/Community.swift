/// A community (社区): grids never cross one.
public struct Community: Hashable, Sendable, Codable {
    public var id: CommunityID
    public var name: String?
    /// The official civil-affairs (民政) code used in grid codes.
    public var code: String?

    public init(id: CommunityID, name: String? = nil, code: String? = nil) {
        self.id = id
        self.name = name
        self.code = code
    }
}
