/// A district department that sends sunk-down cadres (下沉干部) or whose party members report (双报到).
public struct Department: Hashable, Sendable, Codable {
    public var id: DepartmentID
    public var name: String?

    public init(id: DepartmentID, name: String? = nil) {
        self.id = id
        self.name = name
    }
}
