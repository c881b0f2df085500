import GridModel

/// Generates a realistic synthetic street (街道): communities of 1,000–3,000 households, typed compounds of
/// buildings in rows, schools, markets, hospitals and commercial towers, arterial roads, the people who staff
/// and volunteer, and the residents the community looks after, at the shares of ``SyntheticShares``.
///
/// Deterministic: the same configuration gives the same `Street`, value for value, on every platform (all
/// randomness comes from ``SeededGenerator``; each phase and community draws from its own derived stream).
///
/// Ids: communities `C01`, compounds `C01-Q03`, buildings `C01-Q03-B012`, lone sites `C01-B001`, people
/// `P000123`, residents `R000456`, departments `D01`; in a city every community id starts with the street
/// (`S012-C03`). Zero-padded numbers keep every id sortable as text.
public struct StreetGenerator: Sendable {
    /// What this generator makes.
    public let configuration: Configuration

    /// A generator for `configuration`.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Generator for a lone street.
    public init(seed: UInt64, households: Int, communityCount: Int? = nil) {
        self.init(configuration: Configuration(seed: seed, households: households, communityCount: communityCount))
    }

    /// The street.
    /// - Throws: ``GridSynthesisError/invalidParameter(name:value:expected:)`` when the households cannot form
    ///   communities of 1,000–3,000 households, or the community count is out of range.
    /// - Complexity: O(households) time and memory.
    public func generate() throws(GridSynthesisError) -> Street {
        let sizes = try communitySizes()
        var drawn = StreetLayout(configuration: configuration, communityHouseholds: sizes).draw()
        name(&drawn)
        let departments = Self.departments
        var population = PopulationGenerator(configuration: configuration, street: drawn, departments: departments)
        population.generatePeople()
        population.generateResidents()
        population.pairResidents()
        population.ensureVisitCapacity()
        population.addSitePeople()
        return Street(
            name: Self.streetName(drawn.areas.first?.community.name),
            communities: drawn.areas.map(\.community),
            buildings: drawn.buildings,
            units: drawn.units,
            barriers: drawn.barriers,
            departments: configuration.includesDepartments ? departments : [],
            people: population.people,
            residents: population.residents
        )
    }

    /// The street's name from its first community's (杏路社区 → 杏路街道), so that naming it draws nothing from the
    /// seeded sequence and every other value stays as it was.
    static func streetName(_ community: String?) -> String? {
        guard let community, community.hasSuffix("社区"), community.count > 2 else { return nil }
        return String(community.dropLast(2)) + "街道"
    }

    /// The ~12 district departments that send cadres (`D01`…), with Chinese names.
    public static let departments: [Department] = ChineseNames.departments.enumerated().map { index, entry in
        Department(id: DepartmentID("D" + padded(index + 1, width: 2)), name: entry.name)
    }

    /// Community sizes: drawn around the mean, kept inside 1,000–3,000, summing exactly to the households.
    func communitySizes() throws(GridSynthesisError) -> [Int] {
        let households = configuration.households
        let limits = 1_000...3_000
        guard households >= limits.lowerBound else {
            throw GridSynthesisError.invalidParameter(
                name: "households", value: String(households), expected: Message.text("planning.synthesis.expected_street_households")
            )
        }
        let lowest = (households + limits.upperBound - 1) / limits.upperBound
        let highest = households / limits.lowerBound
        let count =
            configuration.communityCount ?? min(max(Int((Double(households) / 2_000).rounded()), lowest), highest)
        guard count >= lowest, count <= highest else {
            throw GridSynthesisError.invalidParameter(
                name: "communities", value: String(count),
                expected: Message.text("planning.synthesis.expected_community_count", [
                    "lowest": "\(lowest)", "highest": "\(highest)", "households": "\(households)",
                ])
            )
        }
        var random = SeededGenerator(seed: configuration.seed, label: 0)
        let weights = (0..<count).map { _ in random.real(in: 0.75...1.25) }
        let total = weights.reduce(0, +)
        var sizes = weights.map { Int((Double(households) * $0 / total).rounded(.down)) }
        // Keep a margin inside the limits when the mean allows it, so that no community sits on a bound.
        let mean = households / count
        let low = min(1_100, mean)
        let high = max(2_900, (households + count - 1) / count)
        sizes = sizes.map { min(max($0, low), high) }
        var difference = households - sizes.reduce(0, +)
        var index = 0
        while difference != 0 {
            let step = difference > 0 ? 1 : -1
            let chunk = max(1, abs(difference) / count)
            let room = step > 0 ? high - sizes[index] : sizes[index] - low
            let move = min(chunk, room)
            if move > 0 {
                sizes[index] += step * move
                difference -= step * move
            }
            index = (index + 1) % count
        }
        return sizes
    }

    /// Community names and 12-digit 民政 codes (6-digit county, 3-digit street, 3-digit community).
    private func name(_ street: inout DrawnStreet) {
        var random = SeededGenerator(seed: configuration.seed, label: 3)
        var used: Set<String> = []
        for index in street.areas.indices {
            let name = ChineseNames.community(using: &random, avoiding: used)
            used.insert(name)
            street.areas[index].community.name = name
            street.areas[index].community.code =
                configuration.countyCode + padded(configuration.streetNumber % 1_000, width: 3)
                + padded((index + 1) % 1_000, width: 3)
        }
    }
}
