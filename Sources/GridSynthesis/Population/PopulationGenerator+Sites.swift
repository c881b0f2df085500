import GridModel

extension PopulationGenerator {
    /// The people who work in the non-residential buildings, with `work_building_id`: a property-company member in
    /// every building (a party member in a school or hospital: its party branch), a merchant representative in every
    /// commercial tower and two in a market. Special grids are staffed from them (staffing.special_grid).
    ///
    /// They are made last, from their own random streams, so that adding them leaves every other person and
    /// resident of a street as it was.
    mutating func addSitePeople() {
        for (areaIndex, area) in street.areas.enumerated() {
            var random = SeededGenerator(seed: configuration.seed, label: 40_000 + UInt64(areaIndex))
            for index in area.nonResidentialIndices {
                let building = street.buildings[index]
                let ownBranch = building.kind == .school || building.kind == .hospital
                add(
                    roles: [.propertyStaff], party: ownBranch || random.chance(0.5),
                    home: homeNear(areaIndex, 0.6, &random), community: area.community.id,
                    hours: Double(random.int(in: 2...4)), skills: skills(from: [.repair], upTo: 1, &random),
                    availability: SlotPools.draw(random.int(in: 3...5), from: SlotPools.weekdayDaytime, using: &random),
                    born: random.int(in: 1965...1998), work: building.id, using: &random)
                let merchants = building.kind == .market ? 2 : building.kind == .commercial ? 1 : 0
                for _ in 0..<merchants {
                    add(
                        roles: [.merchantRep], party: random.chance(0.3), home: homeNear(areaIndex, 0.5, &random),
                        community: area.community.id, hours: Double(random.int(in: 2...4)), skills: [],
                        availability: SlotPools.draw(random.int(in: 2...3), from: SlotPools.all, using: &random),
                        born: random.int(in: 1965...1995), work: building.id, using: &random)
                }
            }
        }
    }
}
