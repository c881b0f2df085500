import GridModel

/// Fills a drawn street with people (staff, cadres, party members, volunteers) and cared-for residents.
///
/// Each community draws from its own random streams, so the people of one community do not change when a
/// neighbour grows. People are numbered in the order they are made, so `people` is sorted by id.
struct PopulationGenerator {
    let configuration: StreetGenerator.Configuration
    let street: DrawnStreet
    let departments: [Department]
    var people: [Person] = []
    var residents: [Resident] = []
    var nextPerson: Int
    /// Per area: running totals of households over its residential buildings, for weighted picks.
    let cumulative: [[Int]]
    /// Every residential building of the street and the running totals of their households.
    let streetResidential: [Int]
    let streetCumulative: [Int]

    init(configuration: StreetGenerator.Configuration, street: DrawnStreet, departments: [Department]) {
        self.configuration = configuration
        self.street = street
        self.departments = departments
        nextPerson = configuration.firstPersonNumber
        cumulative = street.areas.map { area in
            var total = 0
            return area.residentialIndices.map { index in
                total += street.buildings[index].households
                return total
            }
        }
        streetResidential = street.areas.flatMap(\.residentialIndices).sorted()
        var total = 0
        streetCumulative = streetResidential.map { index in
            total += street.buildings[index].households
            return total
        }
    }

    // MARK: People

    /// Everyone but the top-up volunteers of ``ensureVisitCapacity()``.
    mutating func generatePeople() {
        let shares = SyntheticShares.self
        let totalHouseholds = Double(configuration.households)
        var random = SeededGenerator(seed: configuration.seed, label: 4)
        let householdsByArea = street.areas.map(\.households)
        let mentors = Apportionment.split(
            random.stochasticRound(totalHouseholds * shares.mentorsPerHousehold), householdsByArea)
        let newWorkers = Apportionment.split(
            random.stochasticRound(totalHouseholds * shares.newWorkersPerHousehold), householdsByArea
        )
        for areaIndex in street.areas.indices {
            var local = SeededGenerator(seed: configuration.seed, label: 10_000 + UInt64(areaIndex))
            addCommunityStaff(areaIndex, newWorkers: newWorkers[areaIndex], using: &local)
            addPartyMembers(areaIndex, mentors: mentors[areaIndex], using: &local)
            addVolunteers(
                areaIndex,
                count: local.stochasticRound(
                    Double(street.areas[areaIndex].households) * shares.volunteersPerHousehold), using: &local)
        }
        addCadres(using: &random)
    }

    /// Community workers (new workers among them), full-time, part-time and auxiliary grid workers, property
    /// staff and merchant representatives of one community.
    private mutating func addCommunityStaff(_ areaIndex: Int, newWorkers: Int, using random: inout SeededGenerator) {
        let shares = SyntheticShares.self
        let area = street.areas[areaIndex]
        let community = area.community.id
        let households = Double(area.households)
        let population = households * shares.personsPerHousehold
        let workers = max(Int((population * shares.communityWorkersPerResident).rounded(.up)), newWorkers + 4)
        for number in 0..<workers {
            let isNew = number < newWorkers
            let born = isNew ? random.int(in: 1995...2003) : random.int(in: 1968...1996)
            add(
                roles: isNew ? [.communityWorker, .newWorker] : [.communityWorker],
                party: random.chance(shares.partyShareOfCommunityWorkers), home: homeNear(areaIndex, 0.7, &random),
                community: community, hours: 40, skills: skills(from: [.policy, .mediation], upTo: 2, &random),
                availability: SlotPools.weekdayDaytime, born: born, using: &random
            )
        }
        for _ in 0..<Int((households / shares.householdsPerGridWorker).rounded(.up)) {
            add(
                roles: [.gridWorker], party: random.chance(shares.partyShareOfGridWorkers),
                home: homeNear(areaIndex, 0.8, &random), community: community, hours: 40,
                skills: skills(from: [.mediation, .policy], upTo: 1, &random), availability: SlotPools.weekdayDaytime,
                born: random.int(in: 1975...2000), using: &random
            )
        }
        for _ in 0..<Int((households / shares.householdsPerPartTimeGridWorker).rounded(.up)) {
            add(
                roles: [.gridWorkerPartTime], party: random.chance(0.4), home: homeNear(areaIndex, 1, &random),
                community: community, hours: Double(random.int(in: 15...20)), skills: [],
                availability: SlotPools.draw(random.int(in: 4...6), from: SlotPools.weekdayDaytime, using: &random),
                born: random.int(in: 1965...1995), using: &random
            )
        }
        for _ in 0..<random.stochasticRound(households * shares.auxiliaryWorkersPerHousehold) {
            add(
                roles: [.gridWorkerAuxiliary], party: random.chance(0.3), home: homeNear(areaIndex, 1, &random),
                community: community, hours: Double(random.int(in: 4...10)), skills: [],
                availability: SlotPools.draw(random.int(in: 2...5), from: SlotPools.all, using: &random),
                born: random.int(in: 1955...1995), using: &random
            )
        }
        for compound in area.compounds {
            let managed: Double =
                switch compound.type {
                case .residential, .commercial: 1
                case .workUnit: 0.7
                case .transitional: 0.5
                case .old: 0.3
                default: 0
                }
            guard random.chance(managed) else { continue }
            let staff = 1 + Int(Double(compound.households) / SyntheticShares.householdsPerPropertyStaff)
            for _ in 0..<staff {
                add(
                    roles: [.propertyStaff], party: random.chance(0.25), home: homeNear(areaIndex, 0.6, &random),
                    community: community, hours: Double(random.int(in: 4...8)),
                    skills: skills(from: [.repair], upTo: 1, &random),
                    availability: SlotPools.draw(random.int(in: 3...5), from: SlotPools.weekdayDaytime, using: &random),
                    born: random.int(in: 1965...1998), using: &random
                )
            }
        }
        let shopSites =
            area.compounds.filter { $0.type == .commercial }.count
            + area.nonResidentialIndices.filter { street.buildings[$0].kind == .market }.count
        for _ in 0..<(1 + shopSites) {
            add(
                roles: [.merchantRep], party: random.chance(0.3), home: homeNear(areaIndex, 0.5, &random),
                community: community, hours: Double(random.int(in: 2...4)), skills: [],
                availability: SlotPools.draw(random.int(in: 2...3), from: SlotPools.all, using: &random),
                born: random.int(in: 1965...1995), using: &random
            )
        }
    }

    /// Party members spread over the community by systematic sampling of its households, so that every run of
    /// 30–50 consecutive households (a micro-grid) has four or more party members living in it; then mentors
    /// among the retired.
    private mutating func addPartyMembers(_ areaIndex: Int, mentors: Int, using random: inout SeededGenerator) {
        let shares = SyntheticShares.self
        let area = street.areas[areaIndex]
        let rate = shares.inServicePartyMembersPerHousehold + shares.retiredPartyMembersPerHousehold
        let retiredShare = shares.retiredPartyMembersPerHousehold / rate
        let step = 1 / rate
        var mark = random.real(in: 0...step)
        var retiredIndices: [Int] = []
        for (position, buildingIndex) in area.residentialIndices.enumerated() {
            let upTo = Double(cumulative[areaIndex][position])
            while mark < upTo {
                mark += step
                let home = HomeLocation.building(street.buildings[buildingIndex].id)
                if random.chance(retiredShare) {
                    let volunteers = random.chance(shares.retiredPartyVolunteerShare)
                    retiredIndices.append(people.count)
                    add(
                        roles: volunteers ? [.partyMemberRetired, .volunteer] : [.partyMemberRetired], party: true,
                        home: home, community: area.community.id, hours: Double(random.int(in: 2...8)),
                        skills: skills(
                            from: [.policy, .mediation, .culture, .elderlyCare], upTo: volunteers ? 2 : 1,
                            &random),
                        availability: SlotPools.draw(
                            random.int(in: 3...6), from: SlotPools.weekdayDaytime,
                            using: &random),
                        born: random.int(in: 1940...1966), using: &random
                    )
                } else {
                    let volunteers = random.chance(shares.inServicePartyVolunteerShare)
                    add(
                        roles: volunteers ? [.partyMemberInService, .volunteer] : [.partyMemberInService], party: true,
                        home: home, community: nil, hours: Double(random.int(in: 1...3)),
                        skills: skills(from: Self.volunteerSkills, upTo: volunteers ? 2 : 1, &random),
                        availability: SlotPools.draw(random.int(in: 2...4), from: SlotPools.afterWork, using: &random),
                        born: random.int(in: 1966...2000),
                        department: random.chance(0.25) ? random.element(of: departments).id : nil, using: &random
                    )
                }
            }
        }
        // Mentors are retired party secretaries (老支书) still able to give time: born 1946 or later.
        let candidates = retiredIndices.filter { (people[$0].birthYear ?? 0) >= 1946 }
        for pick in random.sample(mentors, of: candidates.count) {
            let index = candidates[pick]
            people[index].roles.insert(.mentor)
            people[index].hoursPerWeek = max(people[index].hoursPerWeek ?? 0, 4)
        }
    }

    /// Non-party volunteers with skills and weekly slots, living in the community.
    mutating func addVolunteers(_ areaIndex: Int, count: Int, using random: inout SeededGenerator) {
        for _ in 0..<count {
            add(
                roles: [.volunteer], party: false, home: homeNear(areaIndex, 1, &random),
                community: street.areas[areaIndex].community.id, hours: Double(random.int(in: 2...6)),
                skills: skills(from: Self.volunteerSkills, upTo: 2, minimum: 1, &random),
                availability: SlotPools.draw(random.int(in: 2...5), from: SlotPools.all, using: &random),
                born: random.int(in: 1950...2006), using: &random
            )
        }
    }

    /// Sunk-down cadres: one per ``SyntheticShares/householdsPerSunkCadre`` households, departments in turn so
    /// that each sends about the same number; half live in the street, half commute from outside it.
    private mutating func addCadres(using random: inout SeededGenerator) {
        let total = Int((Double(configuration.households) / SyntheticShares.householdsPerSunkCadre).rounded(.up))
        let perArea = Apportionment.split(total, street.areas.map(\.households))
        var turn = random.int(in: 0...(departments.count - 1))
        for (areaIndex, count) in perArea.enumerated() {
            for _ in 0..<count {
                let department = departments[turn % departments.count]
                let skill = ChineseNames.departments[turn % ChineseNames.departments.count].skill
                turn += 1
                let home: HomeLocation
                if random.chance(0.5) {
                    home = homeNear(areaIndex, 0.3, &random)
                } else {
                    // Outside the street: beyond its extent by 0.5–5 km to the east or north.
                    let away = random.real(in: 500...5_000)
                    home =
                        random.chance(0.5)
                        ? .point(PlanarPoint(x: street.maxX + away, y: random.real(in: street.minY...street.maxY)))
                        : .point(PlanarPoint(x: random.real(in: street.minX...street.maxX), y: street.maxY + away))
                }
                var skills: [Skill] = []
                if let skill, random.chance(0.7) { skills.append(Skill(rawValue: skill)) }
                if random.chance(0.3), !skills.contains(.policy) { skills.append(.policy) }
                add(
                    roles: [.sunkCadre], party: random.chance(SyntheticShares.partyShareOfCadres), home: home,
                    community: street.areas[areaIndex].community.id, hours: Double(random.int(in: 4...8)),
                    skills: skills,
                    availability: SlotPools.draw(random.int(in: 2...3), from: SlotPools.weekdayDaytime, using: &random),
                    born: random.int(in: 1966...1998), department: department.id, using: &random
                )
            }
        }
    }

    static let volunteerSkills: [Skill] = [
        .elderlyCare, .medical, .legal, .psychological, .disabilityHelp, .culture, .tutoring, .repair, .mediation,
        .policy,
    ]

    // MARK: Helpers

    /// Adds a person with a generated name and phone number.
    mutating func add(
        roles: Set<Role>, party: Bool, home: HomeLocation, community: CommunityID?, hours: Double, skills: [Skill],
        availability: [WeeklySlot], born: Int, department: DepartmentID? = nil, work: BuildingID? = nil,
        using random: inout SeededGenerator
    ) {
        let id = PersonID("P" + padded(nextPerson, width: configuration.numberWidth))
        nextPerson += 1
        let prefixes = ["13", "15", "17", "18", "19"]
        let phone = random.element(of: prefixes) + padded(random.int(in: 0...999_999_999), width: 9)
        people.append(
            Person(
                id: id, name: ChineseNames.person(bornIn: born, using: &random), roles: roles, departmentID: department,
                isPartyMember: party, home: home, communityID: community, hoursPerWeek: hours, skills: skills,
                availability: availability, phone: phone, birthYear: born, workBuildingID: work
            )
        )
    }

    /// A home building: in the community with probability `local` (weighted by households), else anywhere in
    /// the street.
    func homeNear(_ areaIndex: Int, _ local: Double, _ random: inout SeededGenerator) -> HomeLocation {
        .building(street.buildings[buildingIndex(in: areaIndex, local: local, using: &random)].id)
    }

    /// A residential building index drawn in proportion to households.
    func buildingIndex(in areaIndex: Int, local: Double = 1, using random: inout SeededGenerator) -> Int {
        if random.chance(local) {
            let area = street.areas[areaIndex]
            return area.residentialIndices[pick(cumulative[areaIndex], &random)]
        }
        return streetResidential[pick(streetCumulative, &random)]
    }

    private func pick(_ cumulative: [Int], _ random: inout SeededGenerator) -> Int {
        let target = random.int(in: 0...(max(cumulative.last ?? 1, 1) - 1))
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Between `minimum` and `upTo` distinct skills of `pool`.
    func skills(from pool: [Skill], upTo: Int, minimum: Int = 0, _ random: inout SeededGenerator) -> [Skill] {
        let count = random.int(in: minimum...max(minimum, upTo))
        return random.sample(count, of: pool.count).map { pool[$0] }
    }
}
