import GridModel

/// Already published entries (`--pinned`): checked for overlaps, then kept wherever they are still valid.
///
/// A pinned entry stays when its person is in the street, serves in that slot (availability, no leave, no
/// holiday) and the caps still hold (entries are taken in date, period, person, resident order). A pinned visit
/// whose resident needs two visitors stays only with both rows valid. Everything else is dropped, counted in
/// `pinnedChanged`, and the visit is planned again like any other, while every kept entry holds its place.
struct PinnedRoster {
    /// The entries kept.
    var kept: [RosterEntry] = []
    /// Pinned entries that could not stay.
    var changed = 0
    /// Kept visits (distinct date and period) per resident.
    var visitsKept: [ResidentID: Int] = [:]
    /// Kept rounds per person index.
    var roundsKept: [Int: Int] = [:]
    /// Residents visited on each day of the week (day offsets), from kept entries.
    var residentDays: Set<ResidentDay> = []

    /// Two-visitor visits that lost a visitor: the rows left, per resident (at most one a resident).
    var partial: [ResidentID: PartialVisit] = [:]

    /// A pinned several-visitor visit with rows missing, kept provisionally.
    struct PartialVisit: Sendable {
        var entries: [RosterEntry]
        var slot: RosterSlot
        var persons: [Int]
    }

    /// A resident visited on a day of the planned week.
    struct ResidentDay: Hashable, Sendable {
        var resident: ResidentID
        var day: Int
    }

    /// Throws when pinned entries contradict each other: another week, the same resident twice in one person's
    /// slot, or more entries in one person's slot than the slot cap (a round fills its slot alone).
    static func validate(_ pins: [RosterEntry], week: ISOWeek, slotCap: Int) throws(RosteringError) {
        struct SlotKey: Hashable {
            var person: PersonID
            var date: CalendarDate
            var period: WeeklySlot.Period
        }
        var bySlot: [SlotKey: [RosterEntry]] = [:]
        for entry in pins {
            guard entry.week == week, ISOWeek(containing: entry.date) == week else {
                throw .invalidPins(
                    parameter: Message.text("planning.pins.entry", ["entry": describe(entry)]),
                    value: "\(entry.week) \(entry.date)",
                    expected: Message.text("planning.pins.expected_week", ["week": "\(week)"]))
            }
            bySlot[SlotKey(person: entry.personID, date: entry.date, period: entry.period), default: []].append(entry)
        }
        for (_, entries) in bySlot.sorted(by: { describe($0.value[0]) < describe($1.value[0]) }) {
            let residents = entries.compactMap(\.residentID)
            if Set(residents).count < residents.count {
                let twice = residents.sorted().first { resident in residents.filter { $0 == resident }.count > 1 }
                throw .invalidPins(
                    parameter: Message.text("planning.pins.entries"),
                    value: both(entries.filter { $0.residentID == twice }.map(describe)),
                    expected: Message.text("planning.pins.expected_unique"))
            }
            let rounds = entries.filter { $0.kind == .doorKnocking }.count
            if entries.count > slotCap || (rounds > 0 && entries.count > 1) {
                throw .invalidPins(
                    parameter: Message.text("planning.pins.entries"), value: both(entries.map(describe)),
                    expected: Message.text("planning.pins.expected_slot_cap", ["cap": "\(slotCap)"]))
            }
        }
    }

    /// `A and B and C`, for messages.
    static func both(_ texts: [String]) -> String {
        guard let first = texts.first else { return "" }
        return texts.dropFirst().reduce(first) { Message.text("planning.pins.and", ["first": $0, "second": $1]) }
    }

    /// `2026-11-24 AM P000123 → R000045`, for messages.
    static func describe(_ entry: RosterEntry) -> String {
        let whom = entry.residentID.map { " → \($0)" } ?? " door_knocking"
        return "\(entry.date) \(entry.period.code) \(entry.personID)\(whom)"
    }

    /// Keeps the valid pinned entries, recording them in `ledgers`.
    init(_ pins: [RosterEntry], context: RosterContext, ledgers: inout [VisitorLedger]) {
        let sorted = pins.sorted { lhs, rhs in
            (lhs.date, lhs.period, lhs.personID, lhs.residentID?.rawValue ?? "")
                < (rhs.date, rhs.period, rhs.personID, rhs.residentID?.rawValue ?? "")
        }
        let roundDayCost = Self.roundDayCost(context)
        struct VisitKey: Hashable {
            var resident: ResidentID
            var date: CalendarDate
            var period: WeeklySlot.Period
        }
        var groups: [VisitKey: [RosterEntry]] = [:]
        var keptRows: [RosterEntry] = []
        for entry in sorted {
            guard let person = context.personIndex[entry.personID], let day = context.day(of: entry.date) else {
                changed += 1
                continue
            }
            let slot = RosterSlot(day: day, period: entry.period)
            switch entry.kind {
            case .doorKnocking:
                if ledgers[person].canHoldRound(in: slot) {
                    ledgers[person].placeRound(in: slot, dayCost: roundDayCost)
                    roundsKept[person, default: 0] += 1
                    keptRows.append(entry)
                } else {
                    changed += 1
                }
            case .visit:
                guard let resident = entry.residentID, let residentIndex = context.residentIndex[resident],
                    ledgers[person].hasRoom(
                        in: slot, paired: context.residents[residentIndex].pairedPersonID == entry.personID)
                else {
                    changed += 1
                    continue
                }
                ledgers[person].place(in: slot)
                groups[VisitKey(resident: resident, date: entry.date, period: entry.period), default: []].append(entry)
            }
        }
        for (key, entries) in groups.sorted(by: {
            ($0.key.resident, $0.key.date, $0.key.period) < ($1.key.resident, $1.key.date, $1.key.period)
        }) {
            let needed = Self.visitorsNeeded(key.resident, context: context)
            if entries.count < needed, partial[key.resident] == nil, let day = context.day(of: key.date) {
                // A two-visitor visit that lost a visitor keeps the one left, provisionally: the community's
                // planner looks for a partner in the same slot and drops the row only if it finds none.
                partial[key.resident] = PartialVisit(
                    entries: entries, slot: RosterSlot(day: day, period: key.period),
                    persons: entries.compactMap { context.personIndex[$0.personID] })
                continue
            }
            if entries.count < needed {
                for entry in entries {
                    if let person = context.personIndex[entry.personID], let day = context.day(of: entry.date) {
                        ledgers[person].remove(from: RosterSlot(day: day, period: entry.period))
                    }
                }
                changed += entries.count
                continue
            }
            keptRows += entries
            visitsKept[key.resident, default: 0] += 1
            if let day = context.day(of: key.date) {
                residentDays.insert(ResidentDay(resident: key.resident, day: day))
            }
        }
        kept = keptRows
    }

    /// Visitors a resident's visit needs now (1 when no rule applies).
    static func visitorsNeeded(_ resident: ResidentID, context: RosterContext) -> Int {
        guard let index = context.residentIndex[resident] else { return 1 }
        let resident = context.residents[index]
        let age = resident.birthYear.map { context.input.week.thursday.year - $0 }
        return context.rules.requirement(for: resident.categories, age: age)?.visitors ?? 1
    }

    /// Visits' worth of a day's cap that one round takes: its minutes over a visit's, rounded up.
    static func roundDayCost(_ context: RosterContext) -> Int {
        let visit = max(1, context.rules.minutesPerVisit.value)
        return (max(0, context.rules.minutesPerDoorKnockingRound.value) + visit - 1) / visit
    }
}
