/// A due visit the roster could not place (unmet.csv: `resident_id, due, reason`), and the rule it leaves unmet.
public struct UnmetVisit: Hashable, Sendable, Codable {
    public var residentID: ResidentID
    /// The date by which the visit was due.
    public var due: CalendarDate
    /// The visit-frequency rule that made the visit due.
    public var ruleID: RuleID
    /// The resident's grid; nil when their building is in no grid of the plan.
    public var gridID: GridID?
    /// Which rule failed, where and by how much, in words (unmet.csv's `reason`).
    public var reason: String

    /// An unmet visit with every field given.
    public init(residentID: ResidentID, due: CalendarDate, ruleID: RuleID, gridID: GridID?, reason: String) {
        self.residentID = residentID
        self.due = due
        self.ruleID = ruleID
        self.gridID = gridID
        self.reason = reason
    }

    /// The visit as kpis.json's finding: one visit short of the frequency rule, at the resident.
    public var finding: Finding {
        let prefixes = ["\(ruleID.rawValue): ", "\(ruleID.rawValue)："]
        let prefix = prefixes.first { reason.hasPrefix($0) }
        let why = prefix.map { String(reason.dropFirst($0.count)) } ?? reason
        return Finding(
            ruleID: ruleID, level: .hard, location: FindingLocation(gridID: gridID, residentID: residentID),
            amount: 1, message: Message.text("planning.unmet.finding", ["due": "\(due)", "why": why]))
    }
}
