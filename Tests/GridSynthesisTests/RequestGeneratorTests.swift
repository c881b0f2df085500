import Foundation
import GridModel
import GridRules
import GridSynthesis
import Testing

/// The generated week of service requests, checked from the `Street` it was drawn for, the rules' catalogue and the
/// generator's configured rates (counted here, not by the generator's code).
@Suite struct RequestGeneratorTests {
    static let catalogue: ServiceCatalogue = try! RuleSet.builtIn().matching.serviceCatalogue
    static let week = ISOWeek(year: 2026, week: 48)!
    static let rates = RequestRates.standard

    /// The sample-sized street's requests and those of the three pooled streets, for shares that need more rows.
    static let sample = RequestGenerator(week: week, seed: 2026, catalogue: catalogue).generate(
        for: GeneratedStreets.sample)
    static let pooled: [GeneratedRequest] = sample + GeneratedStreets.pool.enumerated().flatMap { index, street in
        RequestGenerator(week: week, seed: UInt64(11 + index), catalogue: catalogue, idPrefix: "P\(index)-")
            .generate(for: street)
    }

    /// Four binomial standard deviations, at least one percentage point.
    static func tolerance(_ share: Double, of count: Int) -> Double {
        max(0.01, 4 * (share * (1 - share) / Double(count)).squareRoot())
    }

    @Test func sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws {
        let street = GeneratedStreets.sample
        let again = RequestGenerator(week: Self.week, seed: 2026, catalogue: Self.catalogue).generate(for: street)
        #expect(again == Self.sample)
        let first = try TestCSV.temporaryDirectory("requests-a")
        let second = try TestCSV.temporaryDirectory("requests-b")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        try RequestTableWriter.write(Self.sample, to: first)
        try RequestTableWriter.write(again, to: second)
        let bytes = try Data(contentsOf: first.appendingPathComponent("requests.csv"))
        #expect(bytes == (try Data(contentsOf: second.appendingPathComponent("requests.csv"))))
        let other = RequestGenerator(week: Self.week, seed: 2027, catalogue: Self.catalogue).generate(for: street)
        #expect(other != Self.sample)
    }

    @Test func everyServiceIsInTheCatalogueWithItsUsualMinutes() {
        var minutes: [Service: Int] = [:]
        for entry in Self.catalogue.services { minutes[entry.id] = entry.minutes }
        for request in Self.pooled {
            #expect(minutes[request.service] == request.minutes, "\(request.id): \(request.service)")
        }
    }

    @Test func serviceSharesFollowTheConfiguration() {
        let total = Self.catalogue.services.reduce(0.0) {
            $0 + (Self.rates.serviceShares[$1.id] ?? Self.rates.unlistedServiceShare)
        }
        var counts: [Service: Int] = [:]
        for request in Self.pooled { counts[request.service, default: 0] += 1 }
        let count = Self.pooled.count
        for entry in Self.catalogue.services {
            let expected = (Self.rates.serviceShares[entry.id] ?? Self.rates.unlistedServiceShare) / total
            let share = Double(counts[entry.id] ?? 0) / Double(count)
            #expect(
                abs(share - expected) <= Self.tolerance(expected, of: count), "\(entry.id): \(share) vs \(expected)")
        }
        // The seed documents' picture: fetching medicine, companionship and repairs frequent; legal and psychological
        // advice rare.
        for frequent in ["fetch_medicine", "elderly_companionship", "home_repair"] as [Service] {
            for rare in ["legal_consultation", "psychological_support"] as [Service] {
                #expect((counts[frequent] ?? 0) > 4 * (counts[rare] ?? 0), "\(frequent) vs \(rare)")
            }
        }
    }

    @Test func mostOrdersAreMadeInTheMorningOfTheWeek() {
        var inPeriod = Array(repeating: 0, count: Self.rates.dayPeriods.count)
        for request in Self.pooled {
            #expect(ISOWeek(containing: request.createdAt.date) == Self.week, "\(request.id)")
            let minute = request.createdAt.minuteOfDay
            let index = Self.rates.dayPeriods.firstIndex { $0.start <= minute && minute < $0.end }
            #expect(index != nil, "\(request.id) made at \(request.createdAt)")
            if let index { inPeriod[index] += 1 }
        }
        for (index, period) in Self.rates.dayPeriods.enumerated() {
            let share = Double(inPeriod[index]) / Double(Self.pooled.count)
            #expect(abs(share - period.share) <= Self.tolerance(period.share, of: Self.pooled.count))
        }
        let morning = Double(inPeriod[0]) / Double(Self.pooled.count)
        #expect(morning > 0.5, "morning share \(morning)")
    }

    @Test func windowsAreWellFormed() {
        for request in Self.pooled {
            let opens = request.earliest.minutesSinceEpoch
            let closes = request.latest.minutesSinceEpoch
            #expect(opens >= request.createdAt.minutesSinceEpoch, "\(request.id) opens before it was made")
            #expect(closes - opens >= request.minutes, "\(request.id) cannot hold its service")
            #expect(closes - opens <= 2 * 1_440, "\(request.id) is open more than two days")
            #expect(request.earliest.minuteOfDay >= Self.rates.serviceDayStart, "\(request.id) opens at night")
            #expect(request.earliest.minuteOfDay + request.minutes <= Self.rates.serviceDayEnd, "\(request.id)")
            let closing = request.latest.minuteOfDay
            #expect(
                closing >= Self.rates.serviceDayStart && closing <= Self.rates.serviceDayEnd,
                "\(request.id) closes at night")
        }
        let lengths = Self.pooled.map { $0.latest.minutesSinceEpoch - $0.earliest.minutesSinceEpoch }
        #expect((lengths.min() ?? 0) < 6 * 60, "no window of a few hours")
        #expect((lengths.max() ?? 0) > 24 * 60, "no window longer than a day")
        var urgencies: [GeneratedRequest.Urgency: Int] = [:]
        for request in Self.pooled { urgencies[request.urgency, default: 0] += 1 }
        for urgency in GeneratedRequest.Urgency.allCases {
            let expected = Self.rates.urgencyShares[urgency] ?? 0
            let share = Double(urgencies[urgency] ?? 0) / Double(Self.pooled.count)
            #expect(abs(share - expected) <= Self.tolerance(expected, of: Self.pooled.count), "\(urgency)")
        }
    }

    @Test func requestersExistAndAboutOneInTenIsNotInResidents() {
        let street = GeneratedStreets.sample
        let residents = Dictionary(uniqueKeysWithValues: street.residents.map { ($0.id, $0) })
        let buildings = Dictionary(uniqueKeysWithValues: street.buildings.map { ($0.id, $0) })
        var outsiders = 0
        for request in Self.sample {
            switch request.requester {
            case .resident(let id):
                let home = residents[id].flatMap { buildings[$0.buildingID] }
                #expect(home != nil, "\(request.id): unknown resident \(id)")
                #expect(home?.communityID == request.communityID)
            case .building(let id):
                outsiders += 1
                let building = buildings[id]
                #expect(building?.kind.isResidential == true, "\(request.id): \(id) is not a home")
                #expect((building?.households ?? 0) > 0)
                #expect(building?.communityID == request.communityID)
            }
        }
        let share = Double(outsiders) / Double(Self.sample.count)
        #expect(abs(share - Self.rates.outsiderShare) <= 0.02, "outsider share \(share)")
    }

    @Test func countsPerCommunityFollowTheRatesAndVulnerableResidentsOrderMore() {
        let street = GeneratedStreets.sample
        var community: [BuildingID: CommunityID] = [:]
        for building in street.buildings { community[building.id] = building.communityID }
        var expected: [CommunityID: Double] = [:]
        for resident in street.residents {
            guard let id = community[resident.buildingID] else { continue }
            let multiplier = resident.categories.compactMap { Self.rates.categoryMultipliers[$0] }.max() ?? 1
            expected[id, default: 0] += Self.rates.weeklyOrdersPerResident * max(multiplier, 1)
        }
        var fromResidents: [CommunityID: Int] = [:]
        var perResident: [ResidentID: Int] = [:]
        for request in Self.sample {
            guard case .resident(let id) = request.requester else { continue }
            fromResidents[request.communityID, default: 0] += 1
            perResident[id, default: 0] += 1
        }
        #expect(Set(fromResidents.keys) == Set(street.communities.map(\.id)))
        for (id, mean) in expected {
            let count = Double(fromResidents[id] ?? 0)
            #expect(abs(count - mean) <= 4 * mean.squareRoot() + 1, "\(id): \(count) orders, expected \(mean)")
        }
        func ordersPerResident(_ include: (Resident) -> Bool) -> Double {
            let group = street.residents.filter(include)
            return Double(group.reduce(0) { $0 + (perResident[$1.id] ?? 0) }) / Double(max(group.count, 1))
        }
        let alone = ordersPerResident { $0.categories.contains(.elderlyAlone) }
        let disabled = ordersPerResident { $0.categories.contains(.disabled) }
        let others = ordersPerResident { resident in
            resident.categories.allSatisfy { Self.rates.categoryMultipliers[$0] == nil }
        }
        #expect(alone > 1.5 * others, "elderly living alone \(alone) vs \(others)")
        #expect(disabled > 1.3 * others, "disabled \(disabled) vs \(others)")
    }

    /// Other rates give other requests: the figures come from the configuration, not from the generator's code.
    @Test func anotherConfigurationIsFollowed() {
        var rates = RequestRates.standard
        rates.weeklyOrdersPerResident = 0.2
        rates.outsiderShare = 0.3
        rates.serviceShares = ["legal_consultation": 0.5, "home_repair": 0.5]
        rates.unlistedServiceShare = 0
        rates.dayPeriods = [RequestRates.DayPeriod(start: 18 * 60, end: 20 * 60, share: 1)]
        rates.weekdayWeights = [0, 0, 0, 0, 0, 1, 0]
        let requests = RequestGenerator(week: Self.week, seed: 4, catalogue: Self.catalogue, rates: rates)
            .generate(for: GeneratedStreets.sample)
        let outsiders = requests.filter { if case .building = $0.requester { true } else { false } }.count
        let legal = requests.filter { $0.service == "legal_consultation" }.count
        #expect(Set(requests.map(\.service)) == ["legal_consultation", "home_repair"])
        #expect(abs(Double(legal) / Double(requests.count) - 0.5) <= Self.tolerance(0.5, of: requests.count))
        #expect(abs(Double(outsiders) / Double(requests.count) - 0.3) <= 0.02)
        #expect(requests.allSatisfy { $0.createdAt.date == Self.week.days[5] && $0.createdAt.minuteOfDay >= 18 * 60 })
        #expect(requests.count > 2 * Self.sample.count, "\(requests.count) vs \(Self.sample.count)")
    }

    @Test func idsAreUniqueAndNumberedInOrderOfCreation() {
        #expect(Set(Self.sample.map(\.id)).count == Self.sample.count)
        #expect(Self.sample.map(\.id.rawValue) == Self.sample.map(\.id.rawValue).sorted())
        for (earlier, later) in zip(Self.sample, Self.sample.dropFirst()) {
            #expect(earlier.createdAt <= later.createdAt)
        }
        #expect(Self.sample.first?.id.rawValue == "RQ00001")
    }

    @Test func theFileHasTheSpecColumnsAndOneRequesterPerRow() throws {
        let directory = try TestCSV.temporaryDirectory("requests-file")
        defer { try? FileManager.default.removeItem(at: directory) }
        try RequestTableWriter.write(Self.sample, to: directory)
        let table = try TestCSV.table(directory.appendingPathComponent("requests.csv"))
        #expect(
            table.header == [
                "request_id", "resident_id", "building_id", "service", "created_at", "earliest", "latest", "minutes",
                "urgency", "note",
            ])
        #expect(table.rows.count == Self.sample.count)
        for (row, request) in zip(table.rows, Self.sample) {
            #expect(row["request_id"] == request.id.rawValue)
            let resident = row["resident_id"] ?? ""
            let building = row["building_id"] ?? ""
            #expect(resident.isEmpty != building.isEmpty, "\(request.id): one requester column")
            #expect(LocalDateTime(parsing: row["earliest"] ?? "") == request.earliest)
            #expect(LocalDateTime(parsing: row["latest"] ?? "") == request.latest)
            #expect(Int(row["minutes"] ?? "") == request.minutes)
        }
    }

    @Test func aCityWritesEveryStreetsRequestsWithIdsUniqueAcrossIt() throws {
        let directory = try TestCSV.temporaryDirectory("city-requests")
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = try CityGenerator(seed: 5, households: 30_000).write(
            to: directory, requestWeek: Self.week, catalogue: Self.catalogue)
        let requests = try TestCSV.table(directory.appendingPathComponent("requests.csv"))
        let residents = try TestCSV.table(directory.appendingPathComponent("residents.csv"))
        let buildings = try TestCSV.table(directory.appendingPathComponent("buildings.csv"))
        #expect(summary.requests > 0)
        #expect(requests.rows.count == summary.requests)
        let ids = requests.rows.map { $0["request_id"] ?? "" }
        #expect(Set(ids).count == ids.count)
        let knownResidents = Set(residents.rows.map { $0["resident_id"] ?? "" })
        let knownBuildings = Set(buildings.rows.map { $0["building_id"] ?? "" })
        for row in requests.rows {
            if let resident = row["resident_id"], !resident.isEmpty {
                #expect(knownResidents.contains(resident))
            } else {
                #expect(knownBuildings.contains(row["building_id"] ?? ""))
            }
        }
    }
}
