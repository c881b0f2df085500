import GridModel

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
        var parent: [CommunityID: CommunityID] = [:]
        func find(_ community: CommunityID) -> CommunityID {
            var root = community
            while let up = parent[root], up != root { root = up }
            var node = community
            while let up = parent[node], up != root {
                parent[node] = root
                node = up
            }
            return root
        }
        func union(_ a: CommunityID, _ b: CommunityID) {
            let (ra, rb) = (find(a), find(b))
            guard ra != rb else { return }
            // The smaller id roots the group, so that roots do not depend on the order of unions.
            if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
        }
        var all: Set<CommunityID> = Set(communityOfResident.values)
        for community in context.communityOfGrid.values { all.insert(community) }
        for community in all { parent[community] = community }
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
