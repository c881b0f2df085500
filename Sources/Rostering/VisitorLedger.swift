/// One person's week: the slots they can serve, and what is already placed in them, under the caps per slot, day
/// and week and the hours that visits may take.
///
/// The caps nest (slot ⊂ day ⊂ week), so any order of placing visits into slots with room reaches the same most
/// visits; ``capacity`` is that number, which the assignment stage uses so that placement never falls short.
struct VisitorLedger: Sendable {
    /// Available slots, sorted.
    let slots: [RosterSlot]
    let slotCap: Int
    let dayCap: Int
    /// The smaller of the weekly cap and the visits the person's visit share of hours allows.
    let visitLimit: Int
    /// The same with the share of hours allowed for visits to the person's paired residents (结对认亲).
    let pairedLimit: Int
    private(set) var slotUsed: [RosterSlot: Int] = [:]
    /// Slots a door-knocking round fills.
    private(set) var blocked: Set<RosterSlot> = []
    private(set) var dayUsed: [Int] = Array(repeating: 0, count: 7)
    private(set) var weekUsed = 0

    init(slots: [RosterSlot], slotCap: Int, dayCap: Int, visitLimit: Int, pairedLimit: Int? = nil) {
        self.slots = slots
        self.slotCap = max(0, slotCap)
        self.dayCap = max(0, dayCap)
        self.visitLimit = max(0, visitLimit)
        self.pairedLimit = max(0, pairedLimit ?? visitLimit)
    }

    /// Whether one more visit fits in `slot` (a visit to a paired resident under the paired limit).
    func hasRoom(in slot: RosterSlot, paired: Bool = false) -> Bool {
        guard weekUsed < (paired ? max(visitLimit, pairedLimit) : visitLimit), !blocked.contains(slot),
            dayUsed[slot.day] < dayCap
        else { return false }
        return slots.contains(slot) && slotUsed[slot, default: 0] < slotCap
    }

    /// Visits that still fit this week.
    /// - Complexity: O(slots).
    var capacity: Int {
        var perDay = Array(repeating: 0, count: 7)
        for slot in slots where !blocked.contains(slot) {
            perDay[slot.day] += max(0, slotCap - slotUsed[slot, default: 0])
        }
        var total = 0
        for day in 0..<7 { total += max(0, min(dayCap - dayUsed[day], perDay[day])) }
        return max(0, min(visitLimit - weekUsed, total))
    }

    /// Visits placed on `day`.
    func visits(on day: Int) -> Int { dayUsed[day] }

    /// Visits placed in `slot`.
    func visits(in slot: RosterSlot) -> Int { slotUsed[slot, default: 0] }

    /// Visits placed this week.
    var visitsThisWeek: Int { weekUsed }

    /// Records a visit in `slot` (the caller checked ``hasRoom(in:)``, or keeps a pinned entry).
    mutating func place(in slot: RosterSlot) {
        slotUsed[slot, default: 0] += 1
        dayUsed[slot.day] += 1
        weekUsed += 1
    }

    /// Takes back a visit recorded in `slot`.
    mutating func remove(from slot: RosterSlot) {
        guard slotUsed[slot, default: 0] > 0 else { return }
        slotUsed[slot, default: 0] -= 1
        dayUsed[slot.day] -= 1
        weekUsed -= 1
    }

    /// Whether a door-knocking round can take `slot`: available, free of visits and rounds.
    func canHoldRound(in slot: RosterSlot) -> Bool {
        slots.contains(slot) && !blocked.contains(slot) && slotUsed[slot, default: 0] == 0
    }

    /// Fills `slot` with a door-knocking round that counts `dayCost` visits against the day's cap.
    mutating func placeRound(in slot: RosterSlot, dayCost: Int) {
        blocked.insert(slot)
        dayUsed[slot.day] += dayCost
    }

    /// Free slots, sorted.
    func openSlots(paired: Bool = false) -> [RosterSlot] { slots.filter { hasRoom(in: $0, paired: paired) } }
}
