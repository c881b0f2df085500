import Foundation
import GridData
import GridModel
import GridRules

/// Generates a city: many streets of about 20,000 households each, written street by street into one folder
/// (buildings.csv gains a `street_id` column; community ids start with the street, `S012-C03`, and so are unique
/// across the city). Memory stays that of one street, whatever the city's size.
///
/// Streets are laid out in rows west→east, north→south, 100 m apart, each ringed by arterial roads.
public struct CityGenerator: Sendable {
    /// What was generated.
    public struct Summary: Hashable, Sendable, CustomStringConvertible {
        /// Streets generated.
        public var streets = 0
        /// Communities, across all streets.
        public var communities = 0
        /// Residential compounds (commercial sites not counted).
        public var compounds = 0
        /// Commercial sites (compounds of commercial towers).
        public var commercialSites = 0
        /// Buildings of every kind.
        public var buildings = 0
        /// Occupied households.
        public var households = 0
        /// Rows of people.csv.
        public var people = 0
        /// Rows of residents.csv.
        public var residents = 0
        /// Rows of requests.csv (none when no catalogue was given).
        public var requests = 0

        /// One line for the command's output.
        public var description: String {
            "\(streets) streets, \(communities) communities, \(compounds) compounds (+\(commercialSites) commercial "
                + "sites), \(buildings) buildings, \(households) households, \(people) people, \(residents) residents, "
                + "\(requests) requests"
        }
    }

    /// Households of a typical street.
    public static let householdsPerStreet = 20_000
    /// Streets of one district (区) before the county code changes.
    public static let streetsPerDistrict = 15
    /// Clear distance between neighbouring streets' extents, metres.
    static let streetGap = 100.0

    /// Seed of the whole city; each street's seed is derived from it and the street's number.
    public let seed: UInt64
    /// Total occupied households of the city.
    public let households: Int

    /// A generator for a city of `households` households.
    public init(seed: UInt64, households: Int) {
        self.seed = seed
        self.households = households
    }

    /// Households of each street: about ``householdsPerStreet`` each (±30 %), summing exactly to `households`.
    /// - Throws: ``GridSynthesisError/invalidParameter(name:value:expected:)`` below 1,000 households.
    public func streetSizes() throws(GridSynthesisError) -> [Int] {
        guard households >= 1_000 else {
            throw GridSynthesisError.invalidParameter(
                name: "households", value: String(households), expected: Message.text("planning.synthesis.expected_city_households")
            )
        }
        let count = max(1, Int((Double(households) / Double(Self.householdsPerStreet)).rounded()))
        var random = SeededGenerator(seed: seed, label: 7)
        let weights = (0..<count).map { _ in Int(random.real(in: 0.7...1.3) * 1_000) }
        return Apportionment.split(households, weights)
    }

    /// Generates the streets one at a time and hands each, already placed, to `body`.
    /// - Throws: ``GridSynthesisError`` for bad parameters, and whatever `body` throws.
    public func forEachStreet(_ body: (Street) throws -> Void) throws {
        try forEachConfiguredStreet { street, _ in try body(street) }
    }

    /// Generates the streets one at a time and hands each, already placed, to `body` with its configuration.
    func forEachConfiguredStreet(_ body: (Street, StreetGenerator.Configuration) throws -> Void) throws {
        let sizes = try streetSizes()
        let perRow = max(1, Int(Double(sizes.count).squareRoot().rounded(.up)))
        var cursorX = 0.0
        var rowTop = 0.0
        var rowDepth = 0.0
        var nextPerson = 1
        var nextResident = 1
        for (index, size) in sizes.enumerated() {
            if index > 0, index % perRow == 0 {
                cursorX = 0
                rowTop -= rowDepth + Self.streetGap
                rowDepth = 0
            }
            let number = index + 1
            let district = index / Self.streetsPerDistrict + 2
            let configuration = StreetGenerator.Configuration(
                seed: SplitMix64.mix(seed, UInt64(number)), households: size,
                idPrefix: "S" + padded(number, width: 3) + "-", streetID: StreetID("S" + padded(number, width: 3)),
                streetNumber: index % Self.streetsPerDistrict + 1, countyCode: "4201" + padded(district, width: 2),
                firstPersonNumber: nextPerson, firstResidentNumber: nextResident, numberWidth: 7,
                includesDepartments: index == 0
            )
            let local = try StreetGenerator(configuration: configuration).generate()
            nextPerson += local.people.count
            nextResident += local.residents.count
            let xs = local.buildings.map(\.position.x)
            let ys = local.buildings.map(\.position.y)
            let minX = (xs.min() ?? 0) - 40
            let maxX = (xs.max() ?? 0) + 40
            let minY = (ys.min() ?? 0) - 40
            let maxY = (ys.max() ?? 0) + 40
            var placed = local.translated(dx: cursorX - minX, dy: rowTop - maxY)
            let ring = [
                (PlanarPoint(x: cursorX, y: rowTop), PlanarPoint(x: cursorX + maxX - minX, y: rowTop)),
                (
                    PlanarPoint(x: cursorX + maxX - minX, y: rowTop),
                    PlanarPoint(x: cursorX + maxX - minX, y: rowTop - (maxY - minY))
                ),
                (
                    PlanarPoint(x: cursorX, y: rowTop - (maxY - minY)),
                    PlanarPoint(x: cursorX + maxX - minX, y: rowTop - (maxY - minY))
                ),
                (PlanarPoint(x: cursorX, y: rowTop), PlanarPoint(x: cursorX, y: rowTop - (maxY - minY))),
            ]
            placed.barriers += ring.map { Segment(start: $0.0, end: $0.1) }
            cursorX += maxX - minX + Self.streetGap
            rowDepth = max(rowDepth, maxY - minY)
            try body(placed, configuration)
        }
    }

    /// Writes the city as one folder at `directory`, with requests.csv holding `week`'s orders of every street
    /// when a `catalogue` is given (each street's orders seeded by the street's seed, ids prefixed by the street).
    /// - Throws: ``GridSynthesisError/invalidParameter(name:value:expected:)`` for bad parameters,
    ///   ``GridSynthesisError/unwritable(path:reason:)`` when a file cannot be written.
    @discardableResult
    public func write(
        to directory: URL, requestWeek week: ISOWeek = RequestGenerator.defaultWeek,
        catalogue: ServiceCatalogue? = nil
    ) throws(GridSynthesisError) -> Summary {
        let writer: StreetWriter
        do {
            writer = try StreetWriter(
                directory: directory,
                options: StreetWriter.Options(coordinatePlaces: 1, streetColumn: true, personCoordinates: true)
            )
        } catch {
            throw .unwritable(path: directory.path, reason: "\(error)")
        }
        var summary = Summary()
        do {
            let requestWriter = try catalogue.map { _ in try RequestTableWriter(directory: directory) }
            try forEachConfiguredStreet { street, configuration in
            summary.streets += 1
            summary.communities += street.communities.count
            var compounds: Set<CompoundID> = []
            var sites: Set<CompoundID> = []
            for building in street.buildings {
                guard let compound = building.compoundID else { continue }
                if building.compoundType == .commercial { sites.insert(compound) } else { compounds.insert(compound) }
            }
            summary.compounds += compounds.count
            summary.commercialSites += sites.count
            summary.buildings += street.buildings.count
            summary.households += street.households
            summary.people += street.people.count
            summary.residents += street.residents.count
                try writer.append(street)
                if let requestWriter, let catalogue {
                    let requests = RequestGenerator(
                        week: week, seed: configuration.seed, catalogue: catalogue, idPrefix: configuration.idPrefix
                    ).generate(for: street)
                    try requestWriter.append(requests)
                    summary.requests += requests.count
                }
            }
            try writer.finish()
            try requestWriter?.finish()
        } catch let error as GridSynthesisError {
            throw error
        } catch {
            throw .unwritable(path: directory.path, reason: "\(error)")
        }
        return summary
    }
}

