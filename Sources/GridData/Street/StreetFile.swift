/// The files a street folder may hold (../shared/spec/data-format.md, "A street").
public enum StreetFile: String, CaseIterable, Hashable, Sendable, Codable {
    case communities = "communities.csv"
    case departments = "departments.csv"
    case buildings = "buildings.csv"
    case units = "units.csv"
    case adjacency = "adjacency.csv"
    case barriers = "barriers.csv"
    case people = "people.csv"
    case residents = "residents.csv"
    case grids = "grids.csv"
    case locks = "locks.csv"
    case visits = "visits.csv"
    case requests = "requests.csv"

    /// The file name inside the street folder.
    public var fileName: String { rawValue }

    /// Only buildings.csv must exist; every other file is optional.
    public var isRequired: Bool { self == .buildings }
}
