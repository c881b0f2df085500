import GridModel
import PlanningSupport

/// Communities that must be planned together: linked by a person who serves grids of both, or by a paired person
/// serving a resident of another community. Each person belongs to one group, so groups plan in parallel.
struct RosterComponents {
    /// Each group's root community, sorted.
    let roots: [CommunityID]
    /// The group of each person who can visit anyone (index → root).
    let rootOfPerson: [Int: CommunityID]
    /// The group of each resident's community.
    let rootOfCommunity: [CommunityID: CommunityID]

    init(context: RosterContext, communityOfResident: [ResidentID: CommunityID]) {
        var all: Set<CommunityID> = Set(communityOfResident.values)
        for community in context.communityOfGrid.values { all.insert(community) }
        // Indices in id order: the smaller id roots a group, so roots do not depend on the order of unions.
        let sorted = all.sorted()
        var indexOf: [CommunityID: Int] = [:]
        for (index, community) in sorted.enumerated() { indexOf[community] = index }
        var sets = UnionFind(count: sorted.count)
        func find(_ community: CommunityID) -> CommunityID {
            guard let index = indexOf[community] else { return community }
            return sorted[sets.find(index)]
        }
        func union(_ a: CommunityID, _ b: CommunityID) {
            guard let ia = indexOf[a], let ib = indexOf[b] else { return }
            sets.unite(ia, ib)
        }
        var servedCommunities: [[CommunityID]] = []
        for (index, grids) in context.gridsOfPerson.enumerated() {
            let communities = Array(Set(grids.compactMap { context.communityOfGrid[$0] })).sorted()
            servedCommunities.append(communities)
            guard context.isVisitor[index], let first = communities.first else { continue }
            for other in communities.dropFirst() { union(first, other) }
        }
        var pairedCommunities: [Int: [CommunityID]] = [:]
        for resident in context.residents {
            guard let pairedID = resident.pairedPersonID, let person = context.personIndex[pairedID],
                let community = communityOfResident[resident.id]
            else { continue }
            pairedCommunities[person, default: []].append(community)
            if context.isVisitor[person], let first = servedCommunities[person].first { union(community, first) }
            if let first = pairedCommunities[person]?.first { union(community, first) }
        }
        var rootOfPerson: [Int: CommunityID] = [:]
        for index in context.people.indices {
            if context.isVisitor[index], let first = servedCommunities[index].first {
                rootOfPerson[index] = find(first)
            } else if let first = pairedCommunities[index]?.first {
                rootOfPerson[index] = find(first)
            }
        }
        var rootOfCommunity: [CommunityID: CommunityID] = [:]
        for community in all { rootOfCommunity[community] = find(community) }
        self.rootOfPerson = rootOfPerson
        self.rootOfCommunity = rootOfCommunity
        roots = Array(Set(rootOfCommunity.values)).sorted()
    }
}
