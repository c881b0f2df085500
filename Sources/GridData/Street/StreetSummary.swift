import GridModel

/// The figures `wangge validate` prints for a street: sizes, people by role and residents by category.
public struct StreetSummary: Hashable, Sendable, Codable {
    public var communities: Int
    public var compounds: Int
    public var buildings: Int
    /// Buildings whose kind is not residential (they go to special grids).
    public var nonResidentialBuildings: Int
    public var households: Int
    public var units: Int
    public var people: Int
    /// People holding each role, by the role's name; a person with two roles counts under both.
    public var peopleByRole: [String: Int]
    public var residents: Int
    /// Residents in each category, by the category's name; a resident in two categories counts under both.
    public var residentsByCategory: [String: Int]
    public var departments: Int
    public var barriers: Int
    /// Neighbour pairs listed in adjacency.csv; nil when the street has none (they are derived from positions).
    public var adjacencyPairs: Int?
    /// Rows of the current plan (grids.csv); nil without one.
    public var currentPlanRows: Int?
    public var locks: Int
    public var visits: Int
    public var requests: Int
    /// Distinct `street_id` values in a city folder; 0 for a single street.
    public var streets: Int

    /// Counts a street.
    ///
    /// - Complexity: O(n) in the street's buildings, people and residents.
    public init(_ street: Street) {
        communities = street.communities.count
        var compoundIDs: Set<CompoundID> = []
        var streetIDs: Set<StreetID> = []
        var households = 0
        var nonResidential = 0
        for building in street.buildings {
            if let compound = building.compoundID { compoundIDs.insert(compound) }
            if let streetID = building.streetID { streetIDs.insert(streetID) }
            households += building.households
            if !building.kind.isResidential { nonResidential += 1 }
        }
        compounds = compoundIDs.count
        streets = streetIDs.count
        buildings = street.buildings.count
        nonResidentialBuildings = nonResidential
        self.households = households
        units = street.units.count
        people = street.people.count
        var byRole: [String: Int] = [:]
        for person in street.people {
            for role in person.roles { byRole[role.rawValue, default: 0] += 1 }
        }
        peopleByRole = byRole
        residents = street.residents.count
        var byCategory: [String: Int] = [:]
        for resident in street.residents {
            for category in resident.categories { byCategory[category.rawValue, default: 0] += 1 }
        }
        residentsByCategory = byCategory
        departments = street.departments.count
        barriers = street.barriers.count
        adjacencyPairs = street.adjacency?.count
        currentPlanRows = street.currentPlan?.count
        locks = street.locks.count
        visits = street.visits.count
        requests = street.requests.count
    }

    /// Human-readable lines in the command's language, deterministic: roles in the data format's order, categories
    /// by code. Roles and categories are named as sentences name them (社区工作者 in Chinese, the files' codes in
    /// English), each with its count.
    public var lines: [String] {
        var result: [String] = []
        func count(_ value: Int) -> [String: String] { ["count": "\(value)"] }
        let indent = "  "
        if streets > 0 { result.append(Message.text("data.summary.streets", count(streets))) }
        result.append(Message.text("data.summary.communities", count(communities)))
        result.append(Message.text("data.summary.compounds", count(compounds)))
        result.append(
            Message.text(
                "data.summary.buildings", ["count": "\(buildings)", "non_residential": "\(nonResidentialBuildings)"]))
        result.append(Message.text("data.summary.households", count(households)))
        result.append(Message.text("data.summary.units", count(units)))
        result.append(Message.text("data.summary.people", count(people)))
        for role in Role.allCases {
            if let number = peopleByRole[role.rawValue] {
                result.append(
                    Message.text(
                        "data.summary.role_count", ["indent": indent, "role": role.spokenName, "count": "\(number)"]))
            }
        }
        result.append(Message.text("data.summary.residents", count(residents)))
        let specified = ResidentCategory.specified.map(\.rawValue)
        let ordered =
            specified.filter { residentsByCategory[$0] != nil }
            + residentsByCategory.keys.filter { !specified.contains($0) }.sorted()
        for category in ordered {
            if let number = residentsByCategory[category] {
                result.append(
                    Message.text(
                        "data.summary.category_count",
                        [
                            "indent": indent, "category": ResidentCategory(rawValue: category).spokenName,
                            "count": "\(number)",
                        ]))
            }
        }
        result.append(Message.text("data.summary.departments", count(departments)))
        result.append(Message.text("data.summary.barriers", count(barriers)))
        result.append(
            adjacencyPairs.map { Message.text("data.summary.adjacency", count($0)) }
                ?? Message.text("data.summary.adjacency_derived"))
        result.append(
            currentPlanRows.map { Message.text("data.summary.plan_rows", count($0)) }
                ?? Message.text("data.summary.plan_rows_none"))
        result.append(Message.text("data.summary.locks", count(locks)))
        result.append(Message.text("data.summary.visits", count(visits)))
        result.append(Message.text("data.summary.requests", count(requests)))
        return result
    }
}
