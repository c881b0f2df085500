import GridModel

/// Fixed pairings (结对认亲): residents in hardship get a cadre or party member living nearby.
extension PopulationGenerator {
    /// Most pairings one person holds.
    static let pairingsPerPerson = 2

    /// Pairs every special-hardship resident and half of those living alone or disabled in daily living with the
    /// nearest cadre or party member living in the same community who has fewer than
    /// ``pairingsPerPerson`` pairings (ties by person id). Residents are taken in id order.
    mutating func pairResidents() {
        var random = SeededGenerator(seed: configuration.seed, label: 6)
        var positionOf: [BuildingID: PlanarPoint] = [:]
        var communityOf: [BuildingID: CommunityID] = [:]
        for building in street.buildings {
            positionOf[building.id] = building.position
            communityOf[building.id] = building.communityID
        }
        var candidates: [CommunityID: [(index: Int, position: PlanarPoint)]] = [:]
        for (index, person) in people.enumerated() {
            guard person.isPartyMember || person.roles.contains(.sunkCadre),
                person.roles.contains(.sunkCadre) || person.roles.contains(.partyMemberRetired)
                    || person.roles.contains(.partyMemberInService),
                case .building(let home) = person.home, let community = communityOf[home],
                let position = positionOf[home]
            else { continue }
            candidates[community, default: []].append((index, position))
        }
        var load = Array(repeating: 0, count: people.count)
        for residentIndex in residents.indices {
            let categories = residents[residentIndex].categories
            let wanted =
                categories.contains(.specialHardship)
                || (categories.contains(.elderlyAlone) || categories.contains(.elderlyDisabled)) && random.chance(0.5)
            let building = residents[residentIndex].buildingID
            guard wanted, let community = communityOf[building], let here = positionOf[building] else { continue }
            var best: (index: Int, distance: Double)?
            for candidate in candidates[community] ?? [] where load[candidate.index] < Self.pairingsPerPerson {
                let distance = here.distance(to: candidate.position)
                if best == nil || distance < best?.distance ?? .infinity {
                    best = (candidate.index, distance)
                }
            }
            guard let best else { continue }
            load[best.index] += 1
            residents[residentIndex].pairedPersonID = people[best.index].id
        }
    }
}
