import GridModel
import GridRules

/// Places the week's door-knocking rounds (敲门行动, `visits.door_knocking`) before any visit, so that they take
/// their share of each person's week.
///
/// Every person meeting the rule's `who` gets `rounds_per_week` rounds (less any kept pinned rounds), each on a
/// different day where possible, in one of the grids they serve (their posts first; the grid rotates from week to
/// week by a seeded hash). A round fills its slot alone (no visit shares it) and counts its minutes, in visits, against
/// the day's cap; it does not count against the weekly visit cap or the visit share of hours. Among free slots the
/// one that costs the fewest visits of the person's capacity wins, then a seeded tie-break. A person with no grid
/// or no free slot gets a warning naming them and why.
struct DoorKnockingPlanner {
    let context: RosterContext
    let reasons: RosterReasons

    func place(
        ledgers: inout [VisitorLedger], roundsKept: [Int: Int]
    ) -> (entries: [RosterEntry], missedRounds: [Finding], planned: Int, missed: Int) {
        let rules = context.rules
        let rule = rules.doorKnockingWho.ruleID
        let dayCost = PinnedRoster.roundDayCost(context)
        let week = context.input.week
        var entries: [RosterEntry] = []
        var missedRounds: [Finding] = []
        var planned = 0
        var missed = 0
        for (index, person) in context.people.enumerated()
        where rules.doorKnockingWho.value.isSatisfied(by: context.facts[index]) {
            let needed = max(0, rules.doorKnockingRoundsPerWeek.value - (roundsKept[index] ?? 0))
            guard needed > 0 else { continue }
            let grids = context.gridsOfPerson[index]
            guard !grids.isEmpty else {
                missedRounds.append(
                    Finding(
                        ruleID: rule, level: .hard, location: FindingLocation(personID: person.id),
                        amount: Double(needed),
                        message: Message.text("planning.door_knocking.no_grid", ["person": person.id.rawValue])))
                missed += needed
                continue
            }
            let start = Int(
                RosterHash.value(context.input.seed, "round-grid", person.id.rawValue, week.description)
                    % UInt64(grids.count))
            var usedDays: Set<Int> = []
            for round in 0..<needed {
                let free = ledgers[index].slots.filter { ledgers[index].canHoldRound(in: $0) }
                let fresh = free.filter { !usedDays.contains($0.day) }
                let options = fresh.isEmpty ? free : fresh
                let best = options.min { lhs, rhs in
                    let costL = cost(of: lhs, ledger: ledgers[index], dayCost: dayCost)
                    let costR = cost(of: rhs, ledger: ledgers[index], dayCost: dayCost)
                    if costL != costR { return costL < costR }
                    return tieBreak(person.id, lhs) < tieBreak(person.id, rhs)
                }
                guard let slot = best else {
                    missedRounds.append(
                        Finding(
                            ruleID: rule, level: .hard, location: FindingLocation(personID: person.id),
                            amount: Double(needed - round),
                            message: Message.text(
                                "planning.door_knocking.no_slot", ["person": person.id.rawValue, "why": why(index)])))
                    missed += needed - round
                    break
                }
                ledgers[index].placeRound(in: slot, dayCost: dayCost)
                usedDays.insert(slot.day)
                let grid = grids[(start + round) % grids.count]
                entries.append(
                    RosterEntry(
                        week: week, date: slot.date(in: week), period: slot.period, personID: person.id,
                        residentID: nil, gridID: grid, kind: .doorKnocking,
                        reason: reasons.round(grid: grid, slot: slot)))
                planned += 1
            }
        }
        return (entries, missedRounds, planned, missed)
    }

    private func cost(of slot: RosterSlot, ledger: VisitorLedger, dayCost: Int) -> Int {
        var copy = ledger
        copy.placeRound(in: slot, dayCost: dayCost)
        return ledger.capacity - copy.capacity
    }

    private func tieBreak(_ person: PersonID, _ slot: RosterSlot) -> UInt64 {
        RosterHash.value(context.input.seed, "round-slot", person.rawValue, slot.label)
    }

    /// Why a person has no slot: leave, holidays, or no availability.
    private func why(_ index: Int) -> String {
        let leave = context.leaveDays[index] ?? []
        if leave.count == 7 { return Message.text("planning.door_knocking.on_leave_all_week") }
        if context.ledgers[index].slots.isEmpty {
            return leave.isEmpty
                ? Message.text("planning.door_knocking.no_working_slot")
                : Message.text("planning.door_knocking.on_leave_days", ["days": "\(leave.count)"])
        }
        return Message.text("planning.door_knocking.pinned_full")
    }
}
