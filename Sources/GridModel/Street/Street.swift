/// Everything a street folder (or a city folder) holds, as typed values sorted by id.
///
/// A `Street` is what GridData reads and validates; it is well-formed by construction of the reader
/// (ids unique, references resolved), so planning jobs need not re-check references.
public struct Street: Hashable, Sendable, Codable {
    /// The street's name (街道) for titles, as street.yaml gives it; nil without one (titles then use the folder's
    /// name).
    public var name: String?
    public var communities: [Community]
    public var buildings: [Building]
    /// Stairwell units, as listed in units.csv or derived from `Building.unitCount`.
    public var units: [StairwellUnit]
    /// Neighbour pairs given in adjacency.csv; nil when neighbours must be derived from positions.
    public var adjacency: [BuildingPair]?
    public var barriers: [Segment]
    public var departments: [Department]
    public var people: [Person]
    public var residents: [Resident]
    /// The street's current plan (grids.csv), if any.
    public var currentPlan: [GridAssignment]?
    public var locks: [PlanLock]
    public var visits: [Visit]
    public var requests: [ServiceRequest]
    /// Planar metres ↔ WGS84: about the buildings' mean position when the files gave latitude and longitude, about
    /// street.yaml's `origin` when they gave x, y metres; nil for x, y metres without an origin (outputs then stay in
    /// the street's own frame).
    public var projection: GeodeticProjection?

    public init(
        name: String? = nil, communities: [Community] = [], buildings: [Building] = [], units: [StairwellUnit] = [],
        adjacency: [BuildingPair]? = nil, barriers: [Segment] = [], departments: [Department] = [],
        people: [Person] = [], residents: [Resident] = [], currentPlan: [GridAssignment]? = nil,
        locks: [PlanLock] = [], visits: [Visit] = [], requests: [ServiceRequest] = [],
        projection: GeodeticProjection? = nil
    ) {
        self.name = name
        self.communities = communities
        self.buildings = buildings
        self.units = units
        self.adjacency = adjacency
        self.barriers = barriers
        self.departments = departments
        self.people = people
        self.residents = residents
        self.currentPlan = currentPlan
        self.locks = locks
        self.visits = visits
        self.requests = requests
        self.projection = projection
    }

    /// Total occupied households.
    public var households: Int { buildings.reduce(0) { $0 + $1.households } }
}
