import Foundation
import GridModel
import PlanningSupport
import GridRules

/// Plans one week's visits and door-knocking rounds under the visit rules.
///
/// The steps: pinned entries are checked and the valid ones kept (``PinnedRoster``); door-knocking rounds take
/// their slots (``DoorKnockingPlanner``); the week's due visits come from the frequency rules and the history
/// (``DueVisitCalculator``), less those kept pins cover; the rest are planned per community group, in parallel
/// (``RosterComponentPlanner``: several-visitor visits, then an assignment LP, then placement and repair).
public struct RosterPlanner: Sendable {
    public let ruleSet: RuleSet
    /// Communities planned at the same time, one GLPK problem per thread.
    public let threads: Int
    /// Seconds each community's assignment solve may take (the LP method).
    public let timeLimitPerCommunity: Double
    /// How one-visitor visits are assigned to visitors.
    public let assignment: RosterAssignmentMethod

    public init(
        ruleSet: RuleSet, threads: Int = 2, timeLimitPerCommunity: Double = 60,
        assignment: RosterAssignmentMethod = .augmentingPaths
    ) {
        self.ruleSet = ruleSet
        self.threads = max(1, threads)
        self.timeLimitPerCommunity = max(0.1, timeLimitPerCommunity)
        self.assignment = assignment
    }

    /// The week's roster. Throws ``RosteringError`` when the input contradicts itself (overlapping pins).
    /// - Complexity: about O(due visits × candidates) plus one LP per community group.
    public func plan(_ input: RosterInput) throws(RosteringError) -> RosterResult {
        let prepared = try prepare(input)
        let groups = prepared.groups
        let limit = timeLimitPerCommunity
        let method = assignment
        let outcomes = parallelMap(count: groups.count, threads: threads) { index in
            var planner = groups[index]
            return planner.run(timeLimit: limit, method: method)
        }
        return assemble(prepared, outcomes: outcomes)
    }

    /// One community group's stage-(a) model, solved by GLPK and by the default method, for export and peer
    /// comparison (`Benchmarks/scripts/roster_compare.py`); nil when no group holds `community`.
    public func compareAssignments(
        _ input: RosterInput, community: CommunityID
    ) throws(RosteringError) -> RosterModelComparison? {
        let prepared = try prepare(input)
        let root = prepared.roots.first { root in
            prepared.groups[prepared.roots.firstIndex(of: root) ?? 0].visits.contains { visit in
                visit.grid.flatMap { prepared.context.communityOfGrid[$0] } == community
            }
        }
        guard let root, let index = prepared.roots.firstIndex(of: root) else { return nil }
        var planner = prepared.groups[index]
        return planner.compareAssignments(timeLimit: timeLimitPerCommunity)
    }

    // MARK: - Steps

    struct Prepared {
        var context: RosterContext
        var pins: PinnedRoster
        var rounds: [RosterEntry]
        var doorKnockingMissed: [Finding]
        var roundsPlanned: Int
        var roundsMissed: Int
        var due: [DueVisit]
        var metByPins: [DueVisit]
        var roots: [CommunityID]
        var groups: [RosterComponentPlanner]
        var orphans: [OpenVisit]
        var ledgers: [VisitorLedger]
        var partialDropped: Int
    }

    func prepare(_ input: RosterInput) throws(RosteringError) -> Prepared {
        let rules = ruleSet.visits
        try PinnedRoster.validate(input.pinned, week: input.week, slotCap: rules.maxVisitsPerSlot.value)
        let context = RosterContext(input: input, ruleSet: ruleSet)
        let reasons = RosterReasons(ruleSet: ruleSet)
        var ledgers = context.ledgers
        let pins = PinnedRoster(input.pinned, context: context, ledgers: &ledgers)
        let knocking = DoorKnockingPlanner(context: context, reasons: reasons)
            .place(ledgers: &ledgers, roundsKept: pins.roundsKept)
        var communityOfBuilding: [BuildingID: CommunityID] = [:]
        for building in input.street.buildings { communityOfBuilding[building.id] = building.communityID }
        var communityOfResident: [ResidentID: CommunityID] = [:]
        for resident in context.residents {
            if let grid = context.gridOfResident[resident.id], let community = context.communityOfGrid[grid] {
                communityOfResident[resident.id] = community
            } else if let community = communityOfBuilding[resident.buildingID] {
                communityOfResident[resident.id] = community
            }
        }
        // Frequencies follow the rules of the resident's community (an overlay may scope them); caps, slots and
        // the rest come from the street-wide rules.
        var residentsOf: [CommunityID?: [Resident]] = [:]
        for resident in context.residents {
            residentsOf[communityOfResident[resident.id], default: []].append(resident)
        }
        var due: [DueVisit] = []
        for (community, residents) in residentsOf {
            let local = community.map { ruleSet.visits(for: $0) } ?? rules
            due += DueVisitCalculator(rules: local, seed: input.seed).dueVisits(
                residents: residents, week: input.week, history: input.history, calendar: context.calendar)
        }
        due.sort { ($0.residentID, $0.ordinal) < ($1.residentID, $1.ordinal) }
        let components = RosterComponents(context: context, communityOfResident: communityOfResident)
        let vocabulary = Set(ruleSet.matching.skills.value)
        var pinnedLeft = pins.visitsKept
        var metByPins: [DueVisit] = []
        var open: [CommunityID: [OpenVisit]] = [:]
        var orphans: [OpenVisit] = []
        for visit in due {
            if let left = pinnedLeft[visit.residentID], left > 0 {
                pinnedLeft[visit.residentID] = left - 1
                metByPins.append(visit)
                continue
            }
            guard let index = context.residentIndex[visit.residentID] else { continue }
            let resident = context.residents[index]
            let openVisit = OpenVisit(
                due: visit, resident: index, grid: context.gridOfResident[resident.id],
                paired: resident.pairedPersonID.flatMap { context.personIndex[$0] },
                needs: resident.needs.map(Skill.init(rawValue:)).filter(vocabulary.contains).sorted())
            if let community = communityOfResident[resident.id], let root = components.rootOfCommunity[community] {
                open[root, default: []].append(openVisit)
            } else {
                orphans.append(openVisit)
            }
        }
        // A partial pinned visit whose resident has no open several-visitor visit left goes: its rows are dropped.
        let completable = Set(open.values.flatMap { $0 }.filter { $0.due.visitors > 1 }.map(\.due.residentID))
        var partialDropped = 0
        for (resident, part) in pins.partial where !completable.contains(resident) {
            for person in part.persons { ledgers[person].remove(from: part.slot) }
            partialDropped += part.entries.count
        }
        var ledgersOf: [CommunityID: [Int: VisitorLedger]] = [:]
        for (person, root) in components.rootOfPerson { ledgersOf[root, default: [:]][person] = ledgers[person] }
        let roots = components.roots
        let groups = roots.map { root in
            RosterComponentPlanner(
                context: context, reasons: reasons,
                visits: (open[root] ?? []).sorted { DueVisit.keptFirst($0.due, $1.due) },
                ledgers: ledgersOf[root] ?? [:], residentDays: pins.residentDays,
                partial: pins.partial.filter { resident, _ in
                    completable.contains(resident) && (open[root] ?? []).contains { $0.due.residentID == resident }
                })
        }
        return Prepared(
            context: context, pins: pins, rounds: knocking.entries, doorKnockingMissed: knocking.missedRounds,
            roundsPlanned: knocking.planned, roundsMissed: knocking.missed, due: due, metByPins: metByPins,
            roots: roots, groups: groups, orphans: orphans, ledgers: ledgers, partialDropped: partialDropped)
    }

    func assemble(_ prepared: Prepared, outcomes: [RosterComponentPlanner.Outcome]) -> RosterResult {
        let context = prepared.context
        var ledgers = prepared.ledgers
        var entries = prepared.pins.kept + prepared.rounds
        var unmet: [(visit: OpenVisit, reason: String)] = []
        var met: [DueVisit] = prepared.metByPins
        var summary = RosterSolveSummary()
        var pairedDue = 0
        var pairedKept = 0
        var pinnedChanged = prepared.pins.changed + prepared.partialDropped
        for outcome in outcomes {
            entries += outcome.entries + outcome.pinnedKept
            pinnedChanged += outcome.pinnedDropped
            unmet += outcome.unmet
            met += outcome.met.map(\.due)
            summary.merge(outcome.summary)
            pairedDue += outcome.pairedDue
            pairedKept += outcome.pairedKept
            for (person, ledger) in outcome.ledgers { ledgers[person] = ledger }
        }
        for orphan in prepared.orphans {
            let building = context.residents[orphan.resident].buildingID
            let reason = Message.text(
                "planning.unmet.no_community", ["rule": orphan.due.ruleID.rawValue, "building": building.rawValue])
            unmet.append((orphan, reason))
        }
        for visit in prepared.metByPins {
            guard let index = context.residentIndex[visit.residentID],
                let paired = context.residents[index].pairedPersonID
            else { continue }
            pairedDue += 1
            if prepared.pins.kept.contains(where: { $0.residentID == visit.residentID && $0.personID == paired }) {
                pairedKept += 1
            }
        }
        entries.sort { lhs, rhs in
            (lhs.date, lhs.period, lhs.gridID, lhs.personID, lhs.residentID?.rawValue ?? "")
                < (rhs.date, rhs.period, rhs.gridID, rhs.personID, rhs.residentID?.rawValue ?? "")
        }
        let unmetVisits = unmet.map {
            UnmetVisit(
                residentID: $0.visit.due.residentID, due: $0.visit.due.due, ruleID: $0.visit.due.ruleID,
                gridID: $0.visit.grid, reason: $0.reason)
        }
        .sorted { ($0.due, $0.residentID, $0.reason) < ($1.due, $1.residentID, $1.reason) }
        var byRank: [Int: RosterPriorityCount] = [:]
        for visit in prepared.due {
            byRank[visit.priorityRank, default: .init(rank: visit.priorityRank, due: 0, met: 0, unmet: 0)].due += 1
        }
        for visit in met { byRank[visit.priorityRank]?.met += 1 }
        for item in unmet { byRank[item.visit.due.priorityRank]?.unmet += 1 }
        var loads: [Double] = []
        var active = Set<PersonID>()
        for entry in entries where entry.kind == .visit { active.insert(entry.personID) }
        for (index, person) in context.people.enumerated() where context.isVisitor[index] {
            guard let hours = person.hoursPerWeek, hours > 0, !context.ledgers[index].slots.isEmpty else { continue }
            loads.append(Double(ledgers[index].visitsThisWeek) / hours)
        }
        let kpis = RosterKPIs(
            week: context.input.week.description, dueVisits: prepared.due.count, metVisits: met.count,
            unmetVisits: unmetVisits.count,
            doorKnockingRounds: prepared.roundsPlanned + prepared.pins.roundsKept.values.reduce(0, +),
            missedDoorKnockingRounds: prepared.roundsMissed, pinnedChanged: pinnedChanged,
            carriedOverVisits: prepared.due.filter(\.isDebt).count,
            byPriority: byRank.keys.sorted().compactMap { byRank[$0] }, pairedVisits: pairedDue, pairedKept: pairedKept,
            pairedKeptShare: pairedDue == 0 ? 1 : Double(pairedKept) / Double(pairedDue), activeVisitors: active.count,
            minLoadPerHour: Self.rounded(loads.min() ?? 0), maxLoadPerHour: Self.rounded(loads.max() ?? 0),
            meanLoadPerHour: Self.rounded(loads.isEmpty ? 0 : loads.reduce(0, +) / Double(loads.count)),
            entries: entries.count, solver: summary)
        return RosterResult(
            entries: entries, unmet: unmetVisits, doorKnockingMissed: prepared.doorKnockingMissed, kpis: kpis)
    }

    /// Six decimals, so that kpis.json does not depend on the last bits of a sum's order.
    static func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
}
