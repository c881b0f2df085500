/// Two buildings that are neighbours; stored with the smaller id first so that a pair has one spelling.
public struct BuildingPair: Hashable, Sendable, Codable, Comparable {
    public let first: BuildingID
    public let second: BuildingID

    public init(_ a: BuildingID, _ b: BuildingID) {
        if b < a {
            first = b
            second = a
        } else {
            first = a
            second = b
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.first != rhs.first ? lhs.first < rhs.first : lhs.second < rhs.second
    }
}
