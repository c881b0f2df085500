import GridModel

/// Cared-for residents (residents.csv) at the shares of ``SyntheticShares``.
extension PopulationGenerator {
    /// A resident while drawn: categories, birth year and building; numbered once all are placed.
    private struct Draft {
        var categories: Set<ResidentCategory>
        var born: Int
        var building: Int
        var order: Int
    }

    /// Draws each community's residents category by category. Counts are the community's expected counts,
    /// rounded at random (so street totals match the shares to within one per community and category); a
    /// stated part of some categories is drawn from people already listed, so some residents hold several.
    mutating func generateResidents() {
        let shares = SyntheticShares.self
        var drafts: [Draft] = []
        for areaIndex in street.areas.indices {
            var random = SeededGenerator(seed: configuration.seed, label: 20_000 + UInt64(areaIndex))
            let households = Double(street.areas[areaIndex].households)
            let population = households * shares.personsPerHousehold
            let aged = population * shares.aged60Share
            var local: [Draft] = []

            func newDraft(
                _ category: ResidentCategory, born: ClosedRange<Int>, elderly: Bool, _ random: inout SeededGenerator
            ) {
                local.append(
                    Draft(
                        categories: [category], born: random.int(in: born),
                        building: residentBuilding(areaIndex, elderly: elderly, using: &random),
                        order: drafts.count + local.count
                    )
                )
            }
            /// `count` of `category`, a share `overlap` of them drawn from existing drafts matching `eligible`.
            func addCategory(
                _ category: ResidentCategory, count: Int, overlap: Double, born: ClosedRange<Int>, elderly: Bool,
                eligible: (Draft) -> Bool, _ random: inout SeededGenerator
            ) {
                let candidates = local.indices.filter {
                    eligible(local[$0]) && !local[$0].categories.contains(category)
                }
                let reused = min(Int((Double(count) * overlap).rounded()), candidates.count)
                for pick in random.sample(reused, of: candidates.count) {
                    local[candidates[pick]].categories.insert(category)
                }
                for _ in 0..<(count - reused) { newDraft(category, born: born, elderly: elderly, &random) }
            }

            let emptyNest = random.stochasticRound(aged * shares.emptyNestShareOf60)
            let alone = min(emptyNest, random.stochasticRound(aged * shares.livingAloneShareOf60))
            for number in 0..<emptyNest {
                newDraft(.elderlyEmptyNest, born: number < alone ? 1930...1962 : 1935...1966, elderly: true, &random)
                if number < alone { local[local.count - 1].categories.insert(.elderlyAlone) }
            }
            addCategory(
                .elderlyDisabled, count: random.stochasticRound(aged * shares.elderlyDisabledShareOf60),
                overlap: shares.elderlyDisabledAmongEmptyNest, born: 1930...1966, elderly: true,
                eligible: { $0.categories.contains(.elderlyEmptyNest) }, &random
            )
            addCategory(
                .disabled,
                count: random.stochasticRound(
                    population * shares.disabledShare * shares.disabledListedFraction),
                overlap: shares.disabledAmongElderly, born: 1950...2015, elderly: false,
                eligible: { $0.born <= 1966 }, &random
            )
            addCategory(
                .lowIncome, count: random.stochasticRound(population * shares.lowIncomeShare),
                overlap: shares.lowIncomeAmongListed, born: 1950...2008, elderly: false,
                eligible: { $0.categories.contains(.disabled) || $0.born <= 1966 }, &random
            )
            addCategory(
                .specialHardship, count: random.stochasticRound(population * shares.specialHardshipShare),
                overlap: shares.specialHardshipAmongAlone, born: 1940...1990, elderly: false,
                eligible: { $0.categories.contains(.elderlyAlone) }, &random
            )
            addCategory(
                .leftBehindChild, count: random.stochasticRound(population * shares.leftBehindChildShare),
                overlap: 0, born: 2012...2020, elderly: false, eligible: { _ in false }, &random
            )
            var keyPersons = 0
            for _ in 0..<random.stochasticRound(population * shares.mentalDisorderShare) {
                let grade = random.index(weightedBy: shares.mentalGradeShares)
                newDraft(.mentalHealth(grade: grade), born: 1955...2000, elderly: false, &random)
                // An unstable patient (grade 3–5) is also followed as a key person (肇事肇祸 risk).
                if grade >= 3 {
                    local[local.count - 1].categories.insert(.keyPerson)
                    keyPersons += 1
                }
            }
            for _ in 0..<random.stochasticRound(population * shares.communityCorrectionShare) {
                newDraft(.communityCorrection, born: 1965...2004, elderly: false, &random)
                if random.chance(shares.correctionAlsoKeyPerson) {
                    local[local.count - 1].categories.insert(.keyPerson)
                    keyPersons += 1
                }
            }
            let keyQuota = random.stochasticRound(households * shares.keyPersonsPerHousehold)
            for _ in 0..<max(0, keyQuota - keyPersons) {
                newDraft(.keyPerson, born: 1960...2000, elderly: false, &random)
            }
            drafts += local
        }
        drafts.sort { ($0.building, $0.order) < ($1.building, $1.order) }
        var random = SeededGenerator(seed: configuration.seed, label: 5)
        residents = drafts.enumerated().map { number, draft in
            let building = street.buildings[draft.building]
            let units = street.units[street.unitRanges[draft.building]]
            let unit = units[units.startIndex + pickUnit(units.map(\.households), &random)]
            return Resident(
                id: ResidentID(
                    "R" + padded(configuration.firstResidentNumber + number, width: configuration.numberWidth)),
                buildingID: building.id,
                categories: ResidentCategory.specified.filter { draft.categories.contains($0) },
                unit: unit.name,
                floor: random.int(in: 1...max(unit.floors ?? building.floors ?? 1, 1)),
                name: ChineseNames.person(bornIn: draft.born, using: &random),
                birthYear: draft.born
            )
        }
    }

    /// A building for a resident, in proportion to households; elderly residents lean towards old and work-unit
    /// compounds, where the population is older.
    private func residentBuilding(_ areaIndex: Int, elderly: Bool, using random: inout SeededGenerator) -> Int {
        guard elderly else { return buildingIndex(in: areaIndex, using: &random) }
        while true {
            let index = buildingIndex(in: areaIndex, using: &random)
            let type = street.buildings[index].compoundType
            if type == .old || type == .workUnit || random.chance(1 / 1.4) { return index }
        }
    }

    private func pickUnit(_ households: [Int], _ random: inout SeededGenerator) -> Int {
        let weights = households.map { Double(max($0, 0)) }
        return weights.contains(where: { $0 > 0 }) ? random.index(weightedBy: weights) : 0
    }
}
