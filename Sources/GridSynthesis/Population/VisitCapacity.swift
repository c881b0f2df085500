import GridModel

/// The arithmetic behind "enough visitor capacity that every due visit can be met", per community.
///
/// Demand (hours a week) = Σ over residents of visits a week × visitors per visit × ``visitHours``, where a
/// resident's visits a week are the most frequent of their categories (§6 of the rules catalogue, taken at the
/// strict end): living alone weekly (1; the 80+ rule applied to all who live alone); unstable mental disorder
/// (grades 3–5) weekly with two visitors; grades 1–2 fortnightly (0.5); key persons twice a month, taken as
/// fortnightly (0.5); community correction monthly with two visitors (0.25); other elderly, disabled, low-income,
/// special-hardship and left-behind categories monthly (0.25); stable mental disorder (grade 0) quarterly
/// (1/13).
///
/// Capacity (hours a week) = Σ over people who serve the community (their `community_id`, or their home's
/// community when they have none) of hours a week × the share they give to visits: a quarter for community
/// workers (the office takes the rest), half for everyone else (door-knocking, posts and services take the
/// rest). The generator adds volunteers until capacity ≥ ``requiredMargin`` × demand in every community. With
/// the shares of ``SyntheticShares`` the margin is about 5.5–6 before any top-up: in the sample street a
/// community of 2,559 households lists 658 residents needing ≈261 visit-hours a week and is offered ≈1,530
/// (grid workers alone give 8 × 40 h × ½ = 160; retired party members ≈210 × 5 h × ½ ≈ 525).
public enum VisitCapacity {
    /// Hours one visit takes, travel included.
    public static let visitHours = 1.0
    /// Capacity the generator guarantees, as a multiple of demand.
    public static let requiredMargin = 3.0

    /// Visits a week a resident of `categories` needs (the strictest category).
    public static func visitsPerWeek(_ categories: [ResidentCategory]) -> Double {
        categories.map { category -> Double in
            switch category {
            case .elderlyAlone, .mentalHealth(grade: 3), .mentalHealth(grade: 4), .mentalHealth(grade: 5): 1
            case .keyPerson, .mentalHealth(grade: 1), .mentalHealth(grade: 2): 0.5
            case .mentalHealth(grade: 0): 1.0 / 13
            case .ordinary: 0
            default: 0.25
            }
        }.max() ?? 0
    }

    /// Visitors one visit needs: two for unstable mental disorder and community correction.
    public static func visitorsPerVisit(_ categories: [ResidentCategory]) -> Int {
        let pairs: Set<ResidentCategory> = [
            .mentalHealth(grade: 3), .mentalHealth(grade: 4), .mentalHealth(grade: 5), .communityCorrection,
        ]
        return categories.contains(where: pairs.contains) ? 2 : 1
    }

    /// Share of a person's weekly hours that goes to visits.
    public static func visitShare(_ roles: Set<Role>) -> Double {
        roles.contains(.communityWorker) ? 0.25 : 0.5
    }

    /// Demand and capacity in hours a week, per community of `street`.
    public static func balance(of street: Street) -> [CommunityID: (demand: Double, capacity: Double)] {
        var communityOf: [BuildingID: CommunityID] = [:]
        for building in street.buildings { communityOf[building.id] = building.communityID }
        var result: [CommunityID: (demand: Double, capacity: Double)] = [:]
        for community in street.communities { result[community.id] = (0, 0) }
        for resident in street.residents {
            guard let community = communityOf[resident.buildingID] else { continue }
            let hours = visitsPerWeek(resident.categories) * Double(visitorsPerVisit(resident.categories)) * visitHours
            result[community, default: (0, 0)].demand += hours
        }
        for person in street.people {
            var community = person.communityID
            if community == nil, case .building(let home) = person.home { community = communityOf[home] }
            guard let community else { continue }
            result[community, default: (0, 0)].capacity += (person.hoursPerWeek ?? 0) * visitShare(person.roles)
        }
        return result
    }
}
