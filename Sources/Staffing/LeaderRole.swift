import GridModel

/// The leader posts of leaders.csv, each at its level (a person holds at most one post per level).
public enum LeaderRole: String, CaseIterable, Hashable, Comparable, Sendable, Codable {
    /// 网格长.
    case gridLeader = "grid_leader"
    /// 专职网格员.
    case gridWorker = "grid_worker"
    /// 微网格长.
    case microGridLeader = "micro_grid_leader"
    /// 楼栋长.
    case buildingLeader = "building_leader"

    /// Posts of one level share the one-post-per-person limit: grid leader and grid worker are both grid posts.
    public var level: String {
        switch self {
        case .gridLeader, .gridWorker: return "grid"
        case .microGridLeader: return "micro_grid"
        case .buildingLeader: return "building"
        }
    }

    /// The post as a sentence names it: 网格长 in Chinese, its leaders.csv token (grid_leader) in English.
    public var spokenName: String {
        switch self {
        case .gridLeader: return Message.text("staffing.role.grid_leader")
        case .gridWorker: return Message.text("person_role.grid_worker")
        case .microGridLeader: return Message.text("staffing.role.micro_grid_leader")
        case .buildingLeader: return Message.text("staffing.role.building_leader")
        }
    }

    /// Sorts in leaders.csv order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
