/// Accepts locks in order while they fit the slots' demands and the people's limits, warning about the rest.
struct LockResolution {
    private var slotCount: [Int: Int] = [:]
    private var personCount: [Int: Int] = [:]

    /// Whether a lock of `person` to `slot` still fits.
    mutating func accept(slot: Int, person: Int, slotDemand: Int, personLimit: Int) -> Bool {
        guard slotCount[slot, default: 0] < slotDemand, personCount[person, default: 0] < personLimit else {
            return false
        }
        slotCount[slot, default: 0] += 1
        personCount[person, default: 0] += 1
        return true
    }
}
