import GridModel
import GridRules

/// One visit a resident is owed in the planned week: carried-over debt, or the share of the period's quota that
/// falls in this week.
public struct DueVisit: Hashable, Sendable {
    /// The resident.
    public var residentID: ResidentID
    /// The visit's position in its period's quota (0 = first), for ids and tie-breaks.
    public var ordinal: Int
    /// The week the even spread gave the visit; earlier than the planned week for debt.
    public var dueWeek: ISOWeek
    /// The last working day of `dueWeek` (its Sunday when the week has no working day).
    public var due: CalendarDate
    /// Whether the visit was due in an earlier week and is carried over.
    public var isDebt: Bool
    /// Whether the planned week is the last of the visit's period (a weekly visit; the catch-up week).
    public var isLastChance: Bool
    /// The resident's place in the rules' priority order (0 = kept first).
    public var priorityRank: Int
    /// The frequency owed and the deciding rule.
    public var frequency: Sourced<VisitFrequency>
    /// Every rule that applies to the resident, the deciding one first.
    public var ruleIDs: [RuleID]
    /// Visitors the visit needs (2 for a two-visitor visit).
    public var visitors: Int
    /// Conditions that one visitor each must meet.
    public var oneVisitorMust: [RuleCondition]

    /// The deciding rule.
    public var ruleID: RuleID { frequency.ruleID }

    /// Creates a due visit.
    public init(
        residentID: ResidentID, ordinal: Int, dueWeek: ISOWeek, due: CalendarDate, isDebt: Bool, isLastChance: Bool,
        priorityRank: Int, frequency: Sourced<VisitFrequency>, ruleIDs: [RuleID], visitors: Int,
        oneVisitorMust: [RuleCondition]
    ) {
        self.residentID = residentID
        self.ordinal = ordinal
        self.dueWeek = dueWeek
        self.due = due
        self.isDebt = isDebt
        self.isLastChance = isLastChance
        self.priorityRank = priorityRank
        self.frequency = frequency
        self.ruleIDs = ruleIDs
        self.visitors = visitors
        self.oneVisitorMust = oneVisitorMust
    }

    /// The order in which visits are kept when capacity is short: priority rank, then debt, then last chance, then
    /// the earlier due date, then resident id and ordinal.
    static func keptFirst(_ lhs: DueVisit, _ rhs: DueVisit) -> Bool {
        if lhs.priorityRank != rhs.priorityRank { return lhs.priorityRank < rhs.priorityRank }
        if lhs.isDebt != rhs.isDebt { return lhs.isDebt }
        if lhs.isLastChance != rhs.isLastChance { return lhs.isLastChance }
        if lhs.due != rhs.due { return lhs.due < rhs.due }
        if lhs.residentID != rhs.residentID { return lhs.residentID < rhs.residentID }
        return lhs.ordinal < rhs.ordinal
    }
}
