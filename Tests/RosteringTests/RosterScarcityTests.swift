import GridModel
import Rostering
import GridRules
import Testing

/// Visitors removed: the roster meets nearly as many visits as an independent upper bound, a maximum flow from
/// due visits to visitors' slots under availability, leave, holidays and the caps (two-visitor visits and
/// door-knocking rounds relaxed, so the bound is never below the truth).
@Suite struct RosterScarcityTests {
    let rules: RuleSet
    init() throws { rules = try RosterFixtures.rules() }

    @Test(arguments: [3, 5])
    func metVisitsReachTheFlowBound(removeOneIn: Int) throws {
        let week = try RosterFixtures.week("2026-W48")
        var input = try RosterFixtures.generated(seed: 21, households: 2500, week: week)
        let visitorRoles = Set(rules.visits.visitorRoles.value)
        var generator = SplitMix64(seed: 5)
        // Remove visitors: one in three, or four in five.
        let removeShare = removeOneIn == 3 ? 1 : 4
        let denominator = removeOneIn == 3 ? 3 : 5
        input.street.people = input.street.people.filter { person in
            person.roles.isDisjoint(with: visitorRoles) || generator.below(denominator) >= removeShare
        }
        let result = try RosterPlanner(ruleSet: rules).plan(input)
        let problems = RosterRuleCheck(input: input, rules: rules).violations(result)
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        let bound = flowBound(input, due: result.kpis.dueVisits)
        let figures = "due \(result.kpis.dueVisits), met \(result.kpis.metVisits), bound \(bound)"
        print("scarcity 1 in \(removeOneIn) removed: \(figures)")
        #expect(bound <= result.kpis.dueVisits)
        // The case (a third removed) asks for 98 %; with four in five removed the relaxed rounds and
        // two-visitor visits make the bound looser (measured: 511 of a bound of 538, 95 %).
        let share = removeOneIn == 3 ? 0.98 : 0.93
        #expect(Double(result.kpis.metVisits) >= share * Double(bound))
        #expect(result.unmet.count == result.kpis.dueVisits - result.kpis.metVisits)
    }

    /// The maximum flow source → due visit (1) → eligible visitor (1) → visitor's hours (the visit share, or
    /// the paired share for a paired resident) → visitor's week (weekly cap) → visitor's day (day cap) →
    /// visitor's slot (slot cap) → sink, by Dinic's algorithm.
    func flowBound(_ input: RosterInput, due: Int) -> Int {
        let visits = rules.visits
        let calculator = DueVisitCalculator(rules: visits, seed: input.seed)
        let calendar = RosterCalendar(input.calendar)
        let dueVisits = calculator.dueVisits(
            residents: input.street.residents, week: input.week, history: input.history, calendar: calendar)
        var graph = FlowGraph()
        let source = graph.node()
        let sink = graph.node()
        let check = RosterRuleCheck(input: input, rules: rules)
        var personNode: [PersonID: Int] = [:]
        var pairedNodeOf: [PersonID: Int] = [:]
        var servedBy: [GridID: [PersonID]] = [:]
        let roles = Set(visits.visitorRoles.value)
        for person in input.street.people.sorted(by: { $0.id < $1.id }) {
            let slots = person.availability ?? visits.defaultSlots.value
            let node = graph.node()
            personNode[person.id] = node
            // Visits to others take the visit share of hours; visits to one's paired residents the paired share.
            func limit(_ share: Double) -> Int {
                person.hoursPerWeek.map { Int($0 * share * 60 / Double(visits.minutesPerVisit.value)) }
                    ?? visits.maxVisitsPerWeek.value
            }
            let pairedNode = graph.node()
            pairedNodeOf[person.id] = pairedNode
            let personCap = graph.node()
            graph.edge(node, personCap, limit(visits.visitShareOfHours.value))
            graph.edge(
                pairedNode, personCap, limit(max(visits.visitShareOfHours.value, visits.pairedShareOfHours.value)))
            let weekCap = graph.node()
            graph.edge(personCap, weekCap, visits.maxVisitsPerWeek.value)
            for date in input.week.days where !calendar.holidays.contains(date) {
                if input.leave.contains(where: { $0.personID == person.id && $0.from <= date && date <= $0.to }) {
                    continue
                }
                var periods = Set(slots.filter { $0.day.rawValue == date.isoWeekday }.map(\.period))
                if calendar.workdays.contains(date) {
                    periods.formUnion(slots.filter { $0.day.rawValue <= 5 }.map(\.period))
                }
                guard !periods.isEmpty else { continue }
                let day = graph.node()
                graph.edge(weekCap, day, visits.maxVisitsPerDay.value)
                for _ in periods {
                    let slot = graph.node()
                    graph.edge(day, slot, visits.maxVisitsPerSlot.value)
                    graph.edge(slot, sink, visits.maxVisitsPerSlot.value)
                }
            }
            if !person.roles.isDisjoint(with: roles) {
                for grid in check.servedGrids(person) { servedBy[grid, default: []].append(person.id) }
            }
        }
        let residents = Dictionary(input.street.residents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for visit in dueVisits {
            guard let resident = residents[visit.residentID] else { continue }
            let node = graph.node()
            graph.edge(source, node, 1)
            var eligible = Set(input.gridOfBuilding[resident.buildingID].flatMap { servedBy[$0] } ?? [])
            if let paired = resident.pairedPersonID {
                eligible.remove(paired)
                if let target = pairedNodeOf[paired] { graph.edge(node, target, 1) }
            }
            for person in eligible { if let target = personNode[person] { graph.edge(node, target, 1) } }
        }
        #expect(dueVisits.count == due)
        return graph.maxFlow(from: source, to: sink)
    }
}

/// A small max-flow graph (Dinic), written for the test alone.
struct FlowGraph {
    private var to: [Int] = []
    private var capacity: [Int] = []
    private var adjacency: [[Int]] = []

    mutating func node() -> Int {
        adjacency.append([])
        return adjacency.count - 1
    }

    mutating func edge(_ from: Int, _ target: Int, _ cap: Int) {
        adjacency[from].append(to.count)
        to.append(target)
        capacity.append(max(0, cap))
        adjacency[target].append(to.count)
        to.append(from)
        capacity.append(0)
    }

    mutating func maxFlow(from source: Int, to sink: Int) -> Int {
        var total = 0
        while true {
            var level = Array(repeating: -1, count: adjacency.count)
            level[source] = 0
            var queue = [source]
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for edge in adjacency[node] where capacity[edge] > 0 && level[to[edge]] < 0 {
                    level[to[edge]] = level[node] + 1
                    queue.append(to[edge])
                }
            }
            guard level[sink] >= 0 else { return total }
            var next = Array(repeating: 0, count: adjacency.count)
            while true {
                let pushed = push(source, sink, Int.max, &level, &next)
                if pushed == 0 { break }
                total += pushed
            }
        }
    }

    private mutating func push(_ node: Int, _ sink: Int, _ limit: Int, _ level: inout [Int], _ next: inout [Int]) -> Int
    {
        if node == sink { return limit }
        while next[node] < adjacency[node].count {
            let edge = adjacency[node][next[node]]
            let target = to[edge]
            if capacity[edge] > 0 && level[target] == level[node] + 1 {
                let pushed = push(target, sink, min(limit, capacity[edge]), &level, &next)
                if pushed > 0 {
                    capacity[edge] -= pushed
                    capacity[edge ^ 1] += pushed
                    return pushed
                }
            }
            next[node] += 1
        }
        return 0
    }
}
