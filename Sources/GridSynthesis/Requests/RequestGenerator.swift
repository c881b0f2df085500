import Foundation
import GridModel
import GridRules

/// Generates a seeded week of service orders (群众点单) for a generated street: requests.csv.
///
/// Each cared-for resident orders a Poisson-distributed number of times at ``RequestRates/weeklyOrders(of:)``
/// (elderly residents living alone and disabled residents more often); each community then gets
/// ``RequestRates/outsiderShare`` of its orders from people not in residents.csv, placed in its residential
/// buildings in proportion to their households. Services are drawn from the rules' service catalogue at
/// ``RequestRates/shares(of:)``, days by the weekday weights, times of day by the day periods, windows by urgency.
///
/// Deterministic: the same street, week, seed, catalogue and rates give the same requests (one seeded stream,
/// residents and buildings taken in id order, the catalogue in id order).
public struct RequestGenerator: Sendable {
    /// The week the generator writes orders for when none is given: the week the sample street's demo plans.
    public static let defaultWeek = ISOWeek(containing: CalendarDate(daysSinceEpoch: 20_780))  // 2026-11-23, 2026-W48

    /// The week the orders are made in (their windows may run into the next).
    public let week: ISOWeek
    /// Seed of the orders (the street's seed).
    public let seed: UInt64
    /// The services that may be ordered, with their usual minutes.
    public let catalogue: ServiceCatalogue
    /// How often and for what.
    public let rates: RequestRates
    /// Put before every request id (`S003-` in a city).
    public let idPrefix: String

    /// A generator of `week`'s orders.
    public init(
        week: ISOWeek, seed: UInt64, catalogue: ServiceCatalogue, rates: RequestRates = .standard,
        idPrefix: String = ""
    ) {
        self.week = week
        self.seed = seed
        self.catalogue = catalogue
        self.rates = rates
        self.idPrefix = idPrefix
    }

    /// Who ordered, before the order is drawn.
    private struct Order {
        var requester: GeneratedRequest.Requester
        var communityID: CommunityID
    }

    /// The week's orders for `street`, numbered in order of creation.
    /// - Complexity: O(residents + buildings + requests × (services + log requests)).
    public func generate(for street: Street) -> [GeneratedRequest] {
        let services = catalogue.services.sorted { $0.id < $1.id }
        guard !services.isEmpty else { return [] }
        var random = SeededGenerator(seed: seed, label: 50)
        let orders = requesters(of: street, using: &random)
        let shares = rates.shares(of: services.map(\.id))
        var drawn: [GeneratedRequest] = []
        drawn.reserveCapacity(orders.count)
        for order in orders {
            let entry = services[random.index(weightedBy: shares)]
            drawn.append(request(for: order, service: entry.id, minutes: entry.minutes, using: &random))
        }
        func madeEarlier(_ first: GeneratedRequest, _ second: GeneratedRequest) -> Bool {
            (first.createdAt, Self.key(first.requester), first.service)
                < (second.createdAt, Self.key(second.requester), second.service)
        }
        drawn.sort(by: madeEarlier)
        let width = max(5, String(drawn.count).count)
        for index in drawn.indices {
            drawn[index].id = RequestID(idPrefix + "RQ" + padded(index + 1, width: width))
        }
        return drawn
    }

    /// The requester's id as text, to break ties between orders made in the same minute.
    private static func key(_ requester: GeneratedRequest.Requester) -> String {
        switch requester {
        case .resident(let id): "R:" + id.rawValue
        case .building(let id): "B:" + id.rawValue
        }
    }

    /// Every order's requester: residents by their rates, then each community's share of outsiders.
    private func requesters(of street: Street, using random: inout SeededGenerator) -> [Order] {
        var communityOfBuilding: [BuildingID: CommunityID] = [:]
        var homesOfCommunity: [CommunityID: [Building]] = [:]
        for building in street.buildings.sorted(by: { $0.id < $1.id }) {
            communityOfBuilding[building.id] = building.communityID
            if building.kind.isResidential, building.households > 0 {
                homesOfCommunity[building.communityID, default: []].append(building)
            }
        }
        var orders: [Order] = []
        var residentOrders: [CommunityID: Int] = [:]
        for resident in street.residents.sorted(by: { $0.id < $1.id }) {
            guard let community = communityOfBuilding[resident.buildingID] else { continue }
            let count = Self.poisson(rates.weeklyOrders(of: resident), using: &random)
            for _ in 0..<count { orders.append(Order(requester: .resident(resident.id), communityID: community)) }
            residentOrders[community, default: 0] += count
        }
        let share = min(max(rates.outsiderShare, 0), 0.9)
        for community in street.communities.map(\.id).sorted() {
            guard let homes = homesOfCommunity[community], !homes.isEmpty else { continue }
            let expected = Double(residentOrders[community] ?? 0) * share / (1 - share)
            let weights = homes.map { Double($0.households) }
            for _ in 0..<Int(expected.rounded()) {
                let home = homes[random.index(weightedBy: weights)]
                orders.append(Order(requester: .building(home.id), communityID: community))
            }
        }
        return orders
    }

    /// One order's urgency, creation time and window.
    private func request(
        for order: Order, service: Service, minutes: Int, using random: inout SeededGenerator
    ) -> GeneratedRequest {
        let step = max(rates.clockStep, 1)
        let urgencies = GeneratedRequest.Urgency.allCases
        let urgency = urgencies[random.index(weightedBy: urgencies.map { rates.urgencyShares[$0] ?? 0 })]
        let day = week.days[random.index(weightedBy: rates.weekdayWeights)]
        let period = rates.dayPeriods[random.index(weightedBy: rates.dayPeriods.map(\.share))]
        let slots = max((period.end - period.start) / step, 1)
        let created = LocalDateTime(date: day, minuteOfDay: period.start + step * random.int(in: 0...(slots - 1)))
        let shape = rates.windows[urgency] ?? RequestRates.WindowShape(lead: 0...0, length: minutes...minutes)
        let lead = Self.roundedUp(random.int(in: shape.lead), to: step)
        let earliest = openingInServiceHours(created.minutesSinceEpoch + lead, minutes: minutes)
        let length = Self.roundedUp(max(random.int(in: shape.length), minutes), to: step)
        return GeneratedRequest(
            id: RequestID(""), requester: order.requester, communityID: order.communityID, service: service,
            createdAt: created, earliest: Self.time(earliest),
            latest: Self.time(closingInServiceHours(earliest + length)), minutes: minutes,
            urgency: urgency)
    }

    /// `minute` (since the epoch) moved into service hours: not before the day's start, and to the next morning
    /// when the service would end after the day's end.
    private func openingInServiceHours(_ minute: Int, minutes: Int) -> Int {
        let dayStart = minute - minute % 1_440
        let ofDay = minute % 1_440
        if ofDay < rates.serviceDayStart { return dayStart + rates.serviceDayStart }
        if ofDay + minutes > rates.serviceDayEnd { return dayStart + 1_440 + rates.serviceDayStart }
        return minute
    }

    /// `minute` (since the epoch) moved back to the end of service hours when it falls at night, so that a window
    /// never closes at 3 a.m.; a window opened by ``openingInServiceHours(_:minutes:)`` still holds the service.
    private func closingInServiceHours(_ minute: Int) -> Int {
        let dayStart = minute - minute % 1_440
        let ofDay = minute % 1_440
        if ofDay > rates.serviceDayEnd { return dayStart + rates.serviceDayEnd }
        if ofDay < rates.serviceDayStart { return dayStart - 1_440 + rates.serviceDayEnd }
        return minute
    }

    private static func time(_ minutesSinceEpoch: Int) -> LocalDateTime {
        LocalDateTime(
            date: CalendarDate(daysSinceEpoch: minutesSinceEpoch / 1_440), minuteOfDay: minutesSinceEpoch % 1_440)
    }

    private static func roundedUp(_ value: Int, to step: Int) -> Int { (value + step - 1) / step * step }

    /// A Poisson-distributed count with mean `mean` (Knuth's product of uniforms; means here are below one).
    static func poisson(_ mean: Double, using random: inout SeededGenerator) -> Int {
        guard mean > 0 else { return 0 }
        let limit = exp(-mean)
        var count = 0
        var product = random.unit()
        while product > limit {
            count += 1
            product *= random.unit()
        }
        return count
    }
}
