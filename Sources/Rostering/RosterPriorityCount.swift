/// Due, met and unmet visits of one priority class (a place in the rules' priority order; 0 is kept first).
///
/// Classes are numbered rather than named because a category name is sensitive.
public struct RosterPriorityCount: Sendable, Hashable, Codable {
    /// The place in `visits.priority` (the order's length for residents of no listed category).
    public var rank: Int
    /// Visits due this week.
    public var due: Int
    /// Visits planned (kept pinned ones included).
    public var met: Int
    /// Visits left out.
    public var unmet: Int
}
