import GridModel

/// The names printouts put where the files hold ids: people, residents (for their masked names and addresses),
/// communities and grids (``GridName``: 杏路社区第3网格).
struct StreetNames {
    let people: [PersonID: Person]
    let residents: [ResidentID: Resident]
    let communityNames: [CommunityID: String]
    let departmentNames: [DepartmentID: String]
    /// The community of each grid the plan places a building in.
    let communityOfGrid: [GridID: CommunityID]
    /// Community ids, longest first, for grids no building names (a code starts with its community's id).
    private let communitiesByLength: [CommunityID]

    /// Names of `street`, with `gridOfBuilding` (the plan) telling each grid's community.
    /// - Complexity: O(people + residents + buildings).
    init(street: Street, gridOfBuilding: [BuildingID: GridID]) {
        people = Dictionary(street.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        residents = Dictionary(street.residents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var names: [CommunityID: String] = [:]
        for community in street.communities {
            if let name = community.name, !name.isEmpty { names[community.id] = name }
        }
        communityNames = names
        var departments: [DepartmentID: String] = [:]
        for department in street.departments {
            if let name = department.name, !name.isEmpty { departments[department.id] = name }
        }
        departmentNames = departments
        var community: [GridID: CommunityID] = [:]
        for building in street.buildings.sorted(by: { $0.id < $1.id }) {
            if let grid = gridOfBuilding[building.id], community[grid] == nil { community[grid] = building.communityID }
        }
        communityOfGrid = community
        communitiesByLength = street.communities.map(\.id).sorted {
            $0.rawValue.count != $1.rawValue.count ? $0.rawValue.count > $1.rawValue.count : $0 < $1
        }
    }

    /// A person's name, or their id when people.csv gives none.
    func name(of person: PersonID) -> String {
        guard let name = people[person]?.name, !name.isEmpty else { return person.rawValue }
        return name
    }

    /// The community a grid belongs to: from the plan, else the community whose id starts the grid's code.
    func community(of grid: GridID) -> CommunityID? {
        if let community = communityOfGrid[grid] { return community }
        return communitiesByLength.first { grid.rawValue.hasPrefix($0.rawValue + "-") }
    }

    /// The grid's name (杏路社区第3网格).
    func gridName(_ grid: GridID) -> GridName {
        GridName(grid: grid, communityName: community(of: grid).flatMap { communityNames[$0] })
    }

    /// The masked name of a resident (王**), or their masked id.
    func maskedName(of resident: ResidentID) -> String {
        ResidentNameMask.mask(name: residents[resident]?.name, residentID: resident.rawValue)
    }
}
