/// Which files of a street folder a job reads, and which it cannot do without.
///
/// A file a job does not read does not block it: `grids draw` runs on a folder without people.csv (or with a
/// broken one), as drawing grids needs buildings only; `staff assign` needs people.csv and says so once when it is
/// missing. References into a file that is not read are not checked (the file's own job checks them).
public struct StreetNeeds: Hashable, Sendable {
    /// The job's name, for messages (`staff assign`).
    public var job: String
    /// The files read; the others are left alone as if absent.
    public var read: Set<StreetFile>
    /// The files that must be there (buildings.csv always).
    public var required: Set<StreetFile>

    /// A job's needs; buildings.csv is always read and required.
    public init(job: String, read: Set<StreetFile>, required: Set<StreetFile> = []) {
        self.job = job
        self.read = read.union(required).union([.buildings])
        self.required = required.union([.buildings])
    }

    /// Every file (`validate`): nothing is required but buildings.csv.
    public static let everything = StreetNeeds(job: "validate", read: Set(StreetFile.allCases))

    /// Drawing grids: the street's layout, its current plan and locks.
    public static let grids = StreetNeeds(
        job: "grids draw", read: [.communities, .buildings, .units, .adjacency, .barriers, .grids, .locks])

    /// Staffing a plan: the layout, departments, people and the residents they are paired with.
    public static let staffing = StreetNeeds(
        job: "staff assign", read: grids.read.union([.departments, .residents]), required: [.people])

    /// A week's roster: people, residents and the visit history.
    public static let roster = StreetNeeds(
        job: "roster", read: staffing.read.union([.visits]), required: [.people])

    /// Dispatching service requests (`requests dispatch`): the roster's files (its visits block volunteers' time)
    /// and requests.csv, whose rows name residents and buildings. People are required; the requests are not (a week
    /// without orders dispatches nothing).
    public static let matching = StreetNeeds(
        job: "requests dispatch", read: roster.read.union([.requests]), required: [.people])

    /// The whole plan: grids, staffing, the roster, and matching when the street has requests.
    public static let plan = StreetNeeds(
        job: "plan", read: matching.read, required: [.people])
}
