import GridModel

extension PopulationGenerator {
    /// Adds volunteers to any community whose visit capacity is below ``VisitCapacity/requiredMargin`` × its
    /// demand (see ``VisitCapacity`` for the arithmetic).
    mutating func ensureVisitCapacity() {
        let balance = VisitCapacity.balance(
            of: Street(
                communities: street.areas.map(\.community), buildings: street.buildings, people: people,
                residents: residents
            )
        )
        for (areaIndex, area) in street.areas.enumerated() {
            guard let entry = balance[area.community.id] else { continue }
            var shortfall = VisitCapacity.requiredMargin * entry.demand - entry.capacity
            guard shortfall > 0 else { continue }
            var random = SeededGenerator(seed: configuration.seed, label: 30_000 + UInt64(areaIndex))
            while shortfall > 0 {
                addVolunteers(areaIndex, count: 1, using: &random)
                let added = people[people.count - 1]
                shortfall -= (added.hoursPerWeek ?? 0) * VisitCapacity.visitShare(added.roles)
            }
        }
    }
}
