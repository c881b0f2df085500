/// A typed identifier: a string id that cannot be mixed up with the id of another kind of entity.
///
/// Identifiers are strings in every input file (never assume they are numbers); ordering is by the
/// string's Unicode scalars so that sorting by id is deterministic on every platform.
public struct Identifier<Entity>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue.unicodeScalars.lexicographicallyPrecedes(rhs.rawValue.unicodeScalars)
    }
}

/// Tag types for ``Identifier``; they carry no data.
public enum StreetTag {}
public enum CommunityTag {}
public enum CompoundTag {}
public enum BuildingTag {}
public enum PersonTag {}
public enum ResidentTag {}
public enum DepartmentTag {}
public enum GridTag {}
public enum MicroGridTag {}
public enum RequestTag {}

public typealias StreetID = Identifier<StreetTag>
public typealias CommunityID = Identifier<CommunityTag>
public typealias CompoundID = Identifier<CompoundTag>
public typealias BuildingID = Identifier<BuildingTag>
public typealias PersonID = Identifier<PersonTag>
public typealias ResidentID = Identifier<ResidentTag>
public typealias DepartmentID = Identifier<DepartmentTag>
public typealias GridID = Identifier<GridTag>
public typealias MicroGridID = Identifier<MicroGridTag>
public typealias RequestID = Identifier<RequestTag>
