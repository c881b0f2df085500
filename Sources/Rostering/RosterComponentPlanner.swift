import GridModel
import GridRules

/// One community's week (or a few communities that share visitors): assigns and places its open visits.
///
/// Visits needing several visitors (two, one of them a community or grid worker) are placed first, slot by slot:
/// for each free slot, the candidates with room there are taken paired person first, then whoever meets a
/// still-unmet condition, then the lowest load per hour; the best slot keeps the paired person, avoids a second
/// visit to the resident that day and spreads load over the days. In the shipped rules these visits have the
/// highest priority, so placing them first never costs a visit of higher priority. One-visitor visits are then
/// assigned by ``VisitAssignmentModel`` (one LP for the community, capacities equal to what each person's slots
/// can take) and placed in each visitor's emptiest day; anything the LP leaves out or placement cannot fit is
/// tried once more with every candidate (the LP sees at most 12 per visit), and what still fails is unmet.
struct RosterComponentPlanner {
    let context: RosterContext
    let reasons: RosterReasons
    /// The open visits, kept-first order.
    let visits: [OpenVisit]
    /// The ledgers of this component's people.
    var ledgers: [Int: VisitorLedger]
    var residentDays: Set<PinnedRoster.ResidentDay>
    /// Pinned two-visitor visits of this group's residents that lost a visitor.
    var partial: [ResidentID: PinnedRoster.PartialVisit] = [:]
    /// Candidates the assignment model sees per visit.
    static let candidateLimit = 12

    struct Outcome: Sendable {
        var entries: [RosterEntry] = []
        var unmet: [(visit: OpenVisit, reason: String)] = []
        var met: [OpenVisit] = []
        var summary = RosterSolveSummary()
        var pairedDue = 0
        var pairedKept = 0
        var ledgers: [Int: VisitorLedger] = [:]
        /// Pinned rows of partial visits kept (completed with a new partner) and dropped.
        var pinnedKept: [RosterEntry] = []
        var pinnedDropped = 0
    }

    mutating func run(
        timeLimit: Double, method: RosterAssignmentMethod = .augmentingPaths
    ) -> Outcome {
        var outcome = Outcome()
        var completed: [Int: [Int]] = [:]
        var placed: [Int: (persons: [Int], slot: RosterSlot)] = [:]
        for (v, visit) in visits.enumerated() where visit.due.visitors > 1 {
            guard let part = partial.removeValue(forKey: visit.due.residentID) else { continue }
            if let added = partner(for: visit, joining: part) {
                record(visit, persons: added, slot: part.slot, also: part.persons)
                placed[v] = (part.persons + added, part.slot)
                completed[v] = part.persons
                outcome.pinnedKept += part.entries
            } else {
                for person in part.persons { ledgers[person]?.remove(from: part.slot) }
                outcome.pinnedDropped += part.entries.count
            }
        }
        for (_, part) in partial {
            for person in part.persons { ledgers[person]?.remove(from: part.slot) }
            outcome.pinnedDropped += part.entries.count
        }
        partial = [:]
        for (v, choice) in placeGroupsAndPairs(skipping: Set(placed.keys)) { placed[v] = choice }
        let single = visits.indices.filter { visits[$0].due.visitors <= 1 && placed[$0] == nil }
        var chosen: [Int?]
        if method == .linearProgram {
            let model = assignmentModel(single.map { visits[$0] })
            if let solved = model.solve(timeLimit: timeLimit) {
                chosen = solved.chosen
                outcome.summary = solved.summary
            } else {
                chosen = augmenting(single)
                let count = Double(chosen.compactMap { $0 }.count)
                outcome.summary = RosterSolveSummary(
                    status: "augmenting_paths", objective: count, bound: count, models: 1)
            }
        } else {
            chosen = augmenting(single)
            let count = Double(chosen.compactMap { $0 }.count)
            outcome.summary = RosterSolveSummary(status: "augmenting_paths", objective: count, bound: count, models: 1)
        }
        for (position, v) in single.enumerated() {
            guard let person = chosen[position], let slot = bestSlot(for: visits[v], person: person) else { continue }
            record(visits[v], persons: [person], slot: slot)
            placed[v] = ([person], slot)
        }
        for (v, visit) in visits.enumerated() where placed[v] == nil {
            if visit.due.visitors > 1 { continue }
            let options = candidates(visit).filter { (ledgers[$0]?.capacity ?? 0) > 0 }
            let ranked = ranked(options, visit)
            for person in ranked {
                if let slot = bestSlot(for: visit, person: person) {
                    record(visit, persons: [person], slot: slot)
                    placed[v] = ([person], slot)
                    break
                }
            }
        }
        for (v, visit) in visits.enumerated() {
            if visit.paired != nil { outcome.pairedDue += 1 }
            guard let choice = placed[v] else {
                outcome.unmet.append((visit, unmetReason(visit)))
                continue
            }
            outcome.met.append(visit)
            if let paired = visit.paired, choice.persons.contains(paired) { outcome.pairedKept += 1 }
            let kept = completed[v] ?? []
            outcome.entries += entries(for: visit, persons: choice.persons, slot: choice.slot)
                .filter { entry in !kept.contains { context.people[$0].id == entry.personID } }
        }
        outcome.ledgers = ledgers
        return outcome
    }

    /// Several-visitor visits, then fixed pairings (hard when feasible, while `visits.fixed_pairing` keeps them): a
    /// paired resident's visit goes to the paired person whenever they have a free slot, under the paired share of
    /// their hours, before anything else is assigned. A pairing the rule does not keep is only the assignment's
    /// pairing bonus.
    private mutating func placeGroupsAndPairs(
        skipping done: Set<Int> = []
    ) -> [Int: (persons: [Int], slot: RosterSlot)] {
        var placed: [Int: (persons: [Int], slot: RosterSlot)] = [:]
        for (v, visit) in visits.enumerated() where visit.due.visitors > 1 && !done.contains(v) {
            if let choice = bestGroup(for: visit, among: candidates(visit)) {
                record(visit, persons: choice.persons, slot: choice.slot)
                placed[v] = choice
            }
        }
        guard context.rules.keepPairedVisitor.value else { return placed }
        for (v, visit) in visits.enumerated() where visit.due.visitors <= 1 && placed[v] == nil {
            guard let paired = visit.paired, ledgers[paired] != nil, let slot = bestSlot(for: visit, person: paired)
            else { continue }
            record(visit, persons: [paired], slot: slot)
            placed[v] = ([paired], slot)
        }
        return placed
    }

    /// Stage (a) both ways on the same visits, for the peer comparison: the LP (integral form, for export), its
    /// GLPK solve, and the augmenting-path assignment priced by the LP's objective.
    mutating func compareAssignments(timeLimit: Double) -> RosterModelComparison {
        let placed = placeGroupsAndPairs()
        let single = visits.indices.filter { visits[$0].due.visitors <= 1 && placed[$0] == nil }
        // Both methods get the LP's candidate lists (12 per visit), so that they answer the same question.
        let model = assignmentModel(single.map { visits[$0] })
        let clock = ContinuousClock()
        var lp: (chosen: [Int?], summary: RosterSolveSummary)?
        let lpTime = clock.measure { lp = model.solve(timeLimit: timeLimit) }
        var fast: [Int?] = []
        let fastTime = clock.measure { fast = augmenting(single, lists: model.candidates) }

        return RosterModelComparison(
            model: LinearModelExport(model: model.build(integral: true).model), visits: single.count,
            glpkStatus: lp?.summary.status ?? "failed", glpkObjective: lp?.summary.objective,
            glpkSeconds: Self.seconds(lpTime), augmentingObjective: model.objective(of: fast),
            augmentingAssigned: fast.compactMap { $0 }.count, augmentingSeconds: Self.seconds(fastTime))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    // MARK: - Candidates

    /// Everyone who may make the visit: visitors serving the resident's grid and the paired person, in this
    /// component, with the needed skills when the rules require them.
    func candidates(_ visit: OpenVisit) -> [Int] {
        var list = visit.grid.flatMap { context.visitorsOfGrid[$0] } ?? []
        if let paired = visit.paired, !list.contains(paired) { list.append(paired) }
        list = list.filter { ledgers[$0] != nil }
        if context.rules.skillMatch.value == .require && !visit.needs.isEmpty {
            list = list.filter { context.hasSkills($0, for: visit.needs) }
        }
        return list
    }

    private func ratio(_ person: Int) -> Double {
        Double((ledgers[person]?.visitsThisWeek ?? 0) + 1) / context.hourBudget(person)
    }

    private func hash(_ person: Int, _ visit: OpenVisit) -> UInt64 {
        RosterHash.value(context.input.seed, "candidate", visit.key, context.people[person].id.rawValue)
    }

    /// Sort key: paired first, skills, then load per hour, then a seeded tie-break.
    private func rank(_ person: Int, _ visit: OpenVisit) -> (Int, Int, Double, UInt64) {
        (
            visit.paired == person ? 0 : 1, context.hasSkills(person, for: visit.needs) ? 0 : 1, ratio(person),
            hash(person, visit)
        )
    }

    /// `people` sorted by ``rank(_:_:)``, each key computed once.
    private func ranked(_ people: [Int], _ visit: OpenVisit) -> [Int] {
        people.map { (rank($0, visit), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    // MARK: - Several visitors

    private func bestGroup(for visit: OpenVisit, among people: [Int]) -> (persons: [Int], slot: RosterSlot)? {
        let needed = visit.due.visitors
        let options = ranked(people.filter { (ledgers[$0]?.capacity ?? 0) > 0 }, visit)
        var slots: Set<RosterSlot> = []
        for person in options { slots.formUnion(ledgers[person]?.openSlots(paired: person == visit.paired) ?? []) }
        var best: (key: (Int, Int, Double, UInt64), persons: [Int], slot: RosterSlot)?
        for slot in slots.sorted() {
            let here = options.filter { ledgers[$0]?.hasRoom(in: slot, paired: $0 == visit.paired) == true }
            guard here.count >= needed else { continue }
            var chosen: [Int] = []
            if let paired = visit.paired, here.contains(paired) { chosen.append(paired) }
            var feasible = true
            for condition in visit.due.oneVisitorMust
            where !chosen.contains(where: { condition.isSatisfied(by: context.facts[$0]) }) {
                guard
                    let person = here.first(where: {
                        !chosen.contains($0) && condition.isSatisfied(by: context.facts[$0])
                    })
                else {
                    feasible = false
                    break
                }
                chosen.append(person)
            }
            guard feasible else { continue }
            for person in here where chosen.count < needed && !chosen.contains(person) { chosen.append(person) }
            guard chosen.count == needed else { continue }
            let dayLoad = chosen.reduce(0) { $0 + (ledgers[$1]?.visits(on: slot.day) ?? 0) }
            // visits.assignment_preferences: load per hour first, then the visitors' visits that day.
            let spread = context.rules.assignment
            let load = chosen.reduce(0.0) { $0 + ratio($1) } + spread.weight * spread.groupSameDayCost * Double(dayLoad)
            let key = (
                chosen.contains { $0 == visit.paired } ? 0 : 1,
                residentDays.contains(.init(resident: visit.due.residentID, day: slot.day)) ? 1 : 0, load,
                RosterHash.value(context.input.seed, "group-slot", visit.key, slot.label)
            )
            if let current = best, !(key < current.key) { continue }
            best = (key, chosen, slot)
        }
        return best.map { ($0.persons, $0.slot) }
    }

    // MARK: - One visitor

    private func assignmentModel(_ singles: [OpenVisit], limit: Int = candidateLimit) -> VisitAssignmentModel {
        var candidateLists: [[Int]] = []
        var skills: [[Bool]] = []
        var capacity: [Int: Int] = [:]
        var budget: [Int: Double] = [:]
        var ids: [Int: PersonID] = [:]
        var pools: [GridID: [Int]] = [:]
        func room(_ person: Int) -> Int {
            if let known = capacity[person] { return known }
            let value = ledgers[person]?.capacity ?? 0
            capacity[person] = value
            return value
        }
        let requireSkills = context.rules.skillMatch.value == .require
        for visit in singles {
            var list: [Int] = []
            if let paired = visit.paired, ledgers[paired] != nil, room(paired) > 0,
                !requireSkills || context.hasSkills(paired, for: visit.needs)
            {
                list.append(paired)
            }
            if let grid = visit.grid {
                // Each grid's visitors in a seeded order; a visit takes the next ones with room from a seeded
                // start, skilled ones first, so that candidates differ from visit to visit and load spreads.
                if pools[grid] == nil {
                    pools[grid] = (context.visitorsOfGrid[grid] ?? []).filter { ledgers[$0] != nil }
                        .map {
                            (
                                RosterHash.value(
                                    context.input.seed, "pool", grid.rawValue, context.people[$0].id.rawValue), $0
                            )
                        }
                        .sorted { $0.0 < $1.0 }.map(\.1)
                }
                let pool = pools[grid] ?? []
                var others: [Int] = []
                if !pool.isEmpty {
                    let start = Int(RosterHash.value(context.input.seed, "start", visit.key) % UInt64(pool.count))
                    var skilled: [Int] = []
                    for step in 0..<pool.count {
                        let person = pool[(start + step) % pool.count]
                        guard person != visit.paired, room(person) > 0 else { continue }
                        let fits = context.hasSkills(person, for: visit.needs)
                        if requireSkills && !fits { continue }
                        if fits && !visit.needs.isEmpty { skilled.append(person) } else { others.append(person) }
                        if skilled.count >= limit || (visit.needs.isEmpty && others.count >= limit) {
                            break
                        }
                    }
                    others = skilled + others
                }
                list += others.prefix(max(0, limit - list.count))
            }
            candidateLists.append(list)
            skills.append(list.map { context.hasSkills($0, for: visit.needs) })
            for person in list where budget[person] == nil {
                budget[person] = context.hourBudget(person)
                ids[person] = context.people[person].id
            }
        }
        return VisitAssignmentModel(
            visits: singles, candidates: candidateLists, capacity: capacity.filter { budget[$0.key] != nil },
            budget: budget, skillMatch: skills, pairingBonus: context.rules.pairingBonus.value,
            preferences: context.rules.assignment, seed: context.input.seed, personIDs: ids)
    }

    /// Stage (a) by ``AugmentingAssignment`` over every candidate; the chosen person per visit of `single`.
    private func augmenting(_ single: [Int], lists given: [[Int]]? = nil) -> [Int?] {
        var capacity: [Int: Int] = [:]
        for (person, ledger) in ledgers { capacity[person] = ledger.capacity }
        let requireSkills = context.rules.skillMatch.value == .require
        var lists: [[Int]] = []
        var pairs: [Int?] = []
        for (position, v) in single.enumerated() {
            let visit = visits[v]
            var list = (given?[position] ?? candidates(visit)).filter { (capacity[$0] ?? 0) > 0 }
            if requireSkills { list = list.filter { context.hasSkills($0, for: visit.needs) } }
            if let paired = visit.paired, let at = list.firstIndex(of: paired) {
                list.remove(at: at)
                list.insert(paired, at: 0)
            }
            lists.append(list)
            pairs.append(visit.paired)
        }
        var ties: [Int: UInt64] = [:]
        for person in ledgers.keys {
            ties[person] = RosterHash.value(context.input.seed, "tie", context.people[person].id.rawValue)
        }
        var load: [Int: Int] = [:]
        for (person, ledger) in ledgers { load[person] = ledger.visitsThisWeek }
        var budgets: [Int: Double] = [:]
        for person in ledgers.keys { budgets[person] = context.hourBudget(person) }
        var assignment = AugmentingAssignment(candidates: lists, paired: pairs, capacity: capacity)
        for position in single.indices {
            let visit = visits[single[position]]
            let salt = RosterHash.value(context.input.seed, "visit", visit.key)
            _ = assignment.assign(position) { _, open in
                var best: Int?
                var bestKey: (Int, Int, Double, UInt64) = (2, 2, .infinity, .max)
                for person in open {
                    let key = (
                        person == visit.paired ? 0 : 1,
                        visit.needs.isEmpty || context.hasSkills(person, for: visit.needs) ? 0 : 1,
                        Double((load[person] ?? 0) + 1) / (budgets[person] ?? 1), (ties[person] ?? 0) ^ salt
                    )
                    if key < bestKey {
                        bestKey = key
                        best = person
                    }
                }
                if let best { load[best, default: 0] += 1 }
                return best
            }
        }
        return assignment.assigned
    }

    /// The person's free slot on their emptiest day, avoiding a second visit to the resident that day.
    private func bestSlot(for visit: OpenVisit, person: Int) -> RosterSlot? {
        guard let ledger = ledgers[person] else { return nil }
        let key = visit.key
        let name = context.people[person].id.rawValue
        return ledger.openSlots(paired: visit.paired == person).map {
            (slotKey($0, ledger: ledger, visit: visit, name: name, key: key), $0)
        }
        .min { $0.0 < $1.0 }?.1
    }

    private func slotKey(
        _ slot: RosterSlot, ledger: VisitorLedger, visit: OpenVisit, name: String, key: String
    ) -> (Int, Int, Int, UInt64) {
        (
            residentDays.contains(.init(resident: visit.due.residentID, day: slot.day)) ? 1 : 0,
            ledger.visits(on: slot.day), ledger.visits(in: slot),
            RosterHash.value(context.input.seed, "slot", name, key, slot.label)
        )
    }

    /// Visitors who complete a pinned visit in its slot: room there, the conditions the kept rows leave unmet,
    /// paired person first, then the lowest load per hour; nil when none can.
    private func partner(for visit: OpenVisit, joining part: PinnedRoster.PartialVisit) -> [Int]? {
        let needed = visit.due.visitors - part.persons.count
        guard needed > 0 else { return [] }
        let here = ranked(
            candidates(visit).filter { person in
                !part.persons.contains(person)
                    && ledgers[person]?.hasRoom(in: part.slot, paired: person == visit.paired) == true
            }, visit)
        var chosen: [Int] = []
        for condition in visit.due.oneVisitorMust
        where !(part.persons + chosen).contains(where: { condition.isSatisfied(by: context.facts[$0]) }) {
            guard
                let person = here.first(where: { !chosen.contains($0) && condition.isSatisfied(by: context.facts[$0]) })
            else { return nil }
            chosen.append(person)
        }
        for person in here where chosen.count < needed && !chosen.contains(person) { chosen.append(person) }
        return chosen.count == needed ? chosen : nil
    }

    private mutating func record(_ visit: OpenVisit, persons: [Int], slot: RosterSlot, also kept: [Int] = []) {
        for person in persons { ledgers[person]?.place(in: slot) }
        residentDays.insert(.init(resident: visit.due.residentID, day: slot.day))
    }

    // MARK: - Output

    private func entries(for visit: OpenVisit, persons: [Int], slot: RosterSlot) -> [RosterEntry] {
        let week = context.input.week
        let grid = visit.grid ?? context.gridsOfPerson[persons[0]].first ?? GridID("-")
        return persons.map { person in
            let partner = persons.first { $0 != person }.map { context.people[$0].id }
            let reason = reasons.visit(
                paired: visit.paired == person, grid: grid, slot: slot, partner: partner, carriedOver: visit.due.isDebt,
                skills: !visit.needs.isEmpty && context.hasSkills(person, for: visit.needs))
            return RosterEntry(
                week: week, date: slot.date(in: week), period: slot.period, personID: context.people[person].id,
                residentID: visit.due.residentID, gridID: grid, kind: .visit, reason: reason)
        }
    }

    /// Which rule failed, where, and why, in words.
    func unmetReason(_ visit: OpenVisit) -> String {
        let rule = visit.due.ruleID.rawValue
        guard let grid = visit.grid else {
            let building = context.residents[visit.resident].buildingID
            return Message.text("planning.unmet.no_grid", ["rule": rule, "building": building.rawValue])
        }
        let all = candidates(visit)
        guard !all.isEmpty else { return Message.text("planning.unmet.no_visitor", ["rule": rule, "grid": grid.rawValue]) }
        for condition in visit.due.oneVisitorMust
        where !all.contains(where: { condition.isSatisfied(by: context.facts[$0]) }) {
            return Message.text("planning.unmet.condition", [
                "rule": rule, "count": "\(all.count)", "grid": grid.rawValue, "condition": "\(condition)",
                "visitors": "\(visit.due.visitors)",
            ])
        }
        let weekCap = context.rules.maxVisitsPerWeek.value
        var atLimit = 0
        var unavailable = 0
        for person in all {
            guard let ledger = ledgers[person] else { continue }
            if ledger.slots.isEmpty {
                unavailable += 1
            } else if ledger.visitsThisWeek >= ledger.visitLimit {
                atLimit += 1
            }
        }
        let full = all.count - atLimit - unavailable
        let what =
            visit.due.visitors > 1
            ? Message.text("planning.unmet.no_shared_slot", ["visitors": "\(visit.due.visitors)", "grid": grid.rawValue])
            : Message.text("planning.unmet.no_free_slot", ["grid": grid.rawValue])
        let counts = [
            "count": "\(all.count)", "at_limit": "\(atLimit)", "cap": "\(weekCap)", "unavailable": "\(unavailable)",
            "full": "\(full)",
        ]
        let detail =
            all.count == 1
            ? Message.text("planning.unmet.visitor_one", counts) : Message.text("planning.unmet.visitor_many", counts)
        let when =
            visit.due.isDebt
            ? Message.text("planning.unmet.when_carried_over", ["due": "\(visit.due.due)"])
            : Message.text("planning.unmet.when_due", ["due": "\(visit.due.due)"])
        return Message.text("planning.unmet.no_slot", ["rule": rule, "what": what, "when": when, "detail": detail])
    }
}
