import GridModel

/// The names people read beside a plan's ids: a person's name and phone, a community's, a department's and a
/// grid's name, a resident's name and address.
///
/// A planner posts leaders.csv in a WeChat group or prints roster.csv for the office; `P000008` and `C01-G01` mean
/// nothing there, so every CSV people read carries the names after its ids (README, "Names in the CSVs"). An id the
/// street does not name gives an empty cell (absent, as in every table of the data format), never the id again:
/// the id is already in its own column. Grid names follow ``GridName`` (幸福社区第3网格), which falls back to the
/// community's id when the street gives no community name.
///
/// Lookups are dictionary reads, so a writer calls them once per cell.
public struct PlanNames: Sendable {
    private let people: [PersonID: Person]
    private let residents: [ResidentID: Resident]
    private let communityNames: [CommunityID: String]
    private let departmentNames: [DepartmentID: String]
    private let buildingCommunity: [BuildingID: CommunityID]
    private let gridCommunity: [GridID: CommunityID]

    /// The names of `street`, with each grid's community taken from the plan's grids.csv rows.
    /// - Complexity: O(people + residents + buildings + rows).
    public init(street: Street, plan: [GridAssignment]) {
        var gridCommunity: [GridID: CommunityID] = [:]
        for row in plan where gridCommunity[row.gridID] == nil { gridCommunity[row.gridID] = row.communityID }
        self.init(street: street, gridCommunity: gridCommunity)
    }

    /// The names of `street`, with each grid's community taken from its buildings (a roster's plan, which knows
    /// the grid of each building).
    /// - Complexity: O(people + residents + buildings).
    public init(street: Street, gridOfBuilding: [BuildingID: GridID]) {
        var gridCommunity: [GridID: CommunityID] = [:]
        // Buildings are sorted by id, so a grid whose buildings disagree (a planner's hand-made plan) gets the
        // community of its first building, the same on every run.
        for building in street.buildings {
            guard let grid = gridOfBuilding[building.id], gridCommunity[grid] == nil else { continue }
            gridCommunity[grid] = building.communityID
        }
        self.init(street: street, gridCommunity: gridCommunity)
    }

    private init(street: Street, gridCommunity: [GridID: CommunityID]) {
        people = Dictionary(street.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        residents = Dictionary(street.residents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var communityNames: [CommunityID: String] = [:]
        for community in street.communities {
            if let name = community.name, !name.isEmpty { communityNames[community.id] = name }
        }
        self.communityNames = communityNames
        var departmentNames: [DepartmentID: String] = [:]
        for department in street.departments {
            if let name = department.name, !name.isEmpty { departmentNames[department.id] = name }
        }
        self.departmentNames = departmentNames
        buildingCommunity = Dictionary(
            street.buildings.map { ($0.id, $0.communityID) }, uniquingKeysWith: { first, _ in first })
        self.gridCommunity = gridCommunity
    }

    /// The person's name as people.csv gives it.
    public func name(of person: PersonID) -> String { people[person]?.name ?? "" }

    /// The person's phone as people.csv gives it.
    public func phone(of person: PersonID) -> String { people[person]?.phone ?? "" }

    /// The name of the person's department (a sunk-down cadre's or an in-service party member's).
    public func departmentName(of person: PersonID) -> String { departmentName(people[person]?.departmentID) }

    /// The department's name from departments.csv.
    public func departmentName(_ department: DepartmentID?) -> String {
        department.flatMap { departmentNames[$0] } ?? ""
    }

    /// The community a person serves: the one fixed in people.csv, else the one of their home building (the
    /// staffing job's rule for a person's community).
    public func community(of person: PersonID) -> CommunityID? {
        guard let found = people[person] else { return nil }
        if let fixed = found.communityID { return fixed }
        if case .building(let home) = found.home { return buildingCommunity[home] }
        return nil
    }

    /// The community's name from communities.csv.
    public func communityName(_ community: CommunityID?) -> String {
        community.flatMap { communityNames[$0] } ?? ""
    }

    /// The name of the community a grid lies in.
    public func communityName(ofGrid grid: GridID?) -> String {
        communityName(grid.flatMap { gridCommunity[$0] })
    }

    /// The grid's name, 幸福社区第3网格 (see ``GridName``).
    public func gridName(_ grid: GridID?) -> String {
        guard let grid else { return "" }
        return GridName(grid: grid, communityName: communityNameOrNil(gridCommunity[grid])).chinese
    }

    /// The micro-grid's name, 幸福社区第3网格第5微网格, in the community of its grid.
    public func microGridName(_ microGrid: MicroGridID?, inGrid grid: GridID) -> String {
        guard let microGrid else { return "" }
        return GridName(microGrid: microGrid, communityName: communityNameOrNil(gridCommunity[grid])).chinese
    }

    /// The resident as residents.csv gives them (name, building, unit, floor).
    public func resident(_ resident: ResidentID?) -> Resident? {
        resident.flatMap { residents[$0] }
    }

    private func communityNameOrNil(_ community: CommunityID?) -> String? {
        community.flatMap { communityNames[$0] }
    }
}
